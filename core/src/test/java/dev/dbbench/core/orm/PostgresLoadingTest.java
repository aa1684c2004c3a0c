package dev.dbbench.core.orm;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Loading strategies on a fresh PostgreSQL database; each test creates and drops the tables. */
class PostgresLoadingTest extends LoadingContract {
    private static PgEndpoint endpoint;

    @BeforeAll
    static void createDatabase() {
        endpoint = SharedPostgres.get().createDatabase("PostgresLoadingTest");
    }

    @AfterAll
    static void dropDatabase() {
        SharedPostgres.get().drop(endpoint);
    }

    @Override
    Database database() {
        return Databases.postgres(endpoint);
    }
}
