package dev.dbbench.core.orm;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.SqliteDirectory;

class SqliteLoadingTest extends LoadingContract {
    private SqliteDirectory dir;

    @Override
    Database database() {
        dir = SqliteDirectory.create();
        return Databases.sqlite(dir.file("loading.db"));
    }

    @Override
    void release() {
        dir.close();
    }
}
