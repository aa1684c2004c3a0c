package dev.dbbench.core.orm;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.SqliteDirectory;

/** The repository on a SQLite file with the guide's settings (WAL, foreign keys on). */
class SqliteOrmTest extends OrmContract {
    private SqliteDirectory dir;

    @Override
    Database database() {
        dir = SqliteDirectory.create();
        return Databases.sqlite(dir.file("orm.db"));
    }

    @Override
    void release() {
        dir.close();
    }
}
