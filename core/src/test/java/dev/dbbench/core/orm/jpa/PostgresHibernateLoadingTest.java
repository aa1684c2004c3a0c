package dev.dbbench.core.orm.jpa;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;

class PostgresHibernateLoadingTest extends HibernateLoadingContract {
    private PgEndpoint endpoint;

    @Override
    Database database() {
        endpoint = SharedPostgres.get().createDatabase("PostgresHibernateLoadingTest");
        return Databases.postgres(endpoint);
    }

    @Override
    OrmSettings settings() {
        return OrmSettings.postgres(endpoint);
    }

    @Override
    void release() {
        SharedPostgres.get().drop(endpoint);
    }
}
