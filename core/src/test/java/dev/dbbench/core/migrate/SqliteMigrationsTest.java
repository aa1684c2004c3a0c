package dev.dbbench.core.migrate;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.SqliteDirectory;

/** Migrations on a SQLite file with the guide's settings (foreign keys on). */
class SqliteMigrationsTest extends MigrationsContract {
    private SqliteDirectory dir;

    @Override
    Database database() {
        dir = SqliteDirectory.create();
        return Databases.sqlite(dir.file("migrate.db"));
    }

    @Override
    void release() {
        dir.close();
    }
}
