package dev.dbbench.core.orm.jpa;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.SqliteDirectory;

class SqliteHibernateLoadingTest extends HibernateLoadingContract {
    private SqliteDirectory dir;

    @Override
    Database database() {
        dir = SqliteDirectory.create();
        return Databases.sqlite(dir.file("loading.db"));
    }

    @Override
    OrmSettings settings() {
        return OrmSettings.sqlite(dir.file("loading.db"));
    }

    @Override
    void release() {
        dir.close();
    }
}
