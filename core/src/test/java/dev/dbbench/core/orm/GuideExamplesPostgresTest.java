package dev.dbbench.core.orm;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The guide's tests on PostgreSQL, where the same code must hold. */
class GuideExamplesPostgresTest extends GuideExamplesContract {
    private static PgEndpoint endpoint;

    @BeforeAll
    static void createDatabase() {
        endpoint = SharedPostgres.get().createDatabase("GuideExamplesPostgresTest");
    }

    @AfterAll
    static void dropDatabase() {
        SharedPostgres.get().drop(endpoint);
    }

    @Override
    Database database() {
        return Databases.postgres(endpoint);
    }

    @Override
    String uniqueViolationSqlState() {
        return "23505";
    }
}
