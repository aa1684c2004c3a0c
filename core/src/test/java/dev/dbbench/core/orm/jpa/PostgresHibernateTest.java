package dev.dbbench.core.orm.jpa;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.postgres.PgHostileStrings;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import dev.dbbench.core.sqlite.HostileStrings;
import java.util.List;
import java.util.stream.Stream;

/** On a fresh PostgreSQL database (or schema, when the login may not create databases). */
class PostgresHibernateTest extends HibernateContract {
    private PgEndpoint endpoint;

    @Override
    Database database() {
        endpoint = SharedPostgres.get().createDatabase("PostgresHibernateTest");
        return Databases.postgres(endpoint);
    }

    @Override
    OrmSettings settings() {
        return OrmSettings.postgres(endpoint);
    }

    /** Both lists, but only what fits users.name VARCHAR(100) (no 100,000-character string). */
    @Override
    List<String> hostileNames() {
        return Stream.concat(HostileStrings.ALL.stream(), PgHostileStrings.ALL.stream()).filter(s -> s.length() <= 100).distinct().toList();
    }

    @Override
    void release() {
        SharedPostgres.get().drop(endpoint);
    }

    @Override
    boolean sequenceIds() {
        return true;
    }

    @Override
    int identityStatementsPerRow() {
        return 1;
    }
}
