package dev.dbbench.core.migrate;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;

/** Migrations on a fresh PostgreSQL database per test. */
class PostgresMigrationsTest extends MigrationsContract {
    private PgEndpoint endpoint;

    @Override
    Database database() {
        endpoint = SharedPostgres.get().createDatabase("PostgresMigrationsTest");
        return Databases.postgres(endpoint);
    }

    @Override
    void release() {
        SharedPostgres.get().drop(endpoint);
    }
}
