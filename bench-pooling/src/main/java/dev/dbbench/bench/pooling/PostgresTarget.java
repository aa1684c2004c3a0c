package dev.dbbench.bench.pooling;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.orm.UserOrderSchema;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import java.sql.Statement;
import javax.sql.DataSource;

/** A fresh database on the run's PostgreSQL server, dropped on close. */
public final class PostgresTarget implements PoolTarget {
    private final PgEndpoint endpoint;
    private final Database db;

    public PostgresTarget(String label) {
        endpoint = SharedPostgres.get().createDatabase(label);
        db = Databases.postgres(endpoint);
    }

    @Override
    public DataSource dataSource() {
        return db.dataSource();
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRES;
    }

    @Override
    public void createSchema() {
        db.useConnection(c -> UserOrderSchema.create(c, Dialect.POSTGRES));
    }

    @Override
    public void reset() {
        db.useConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE users CASCADE");
            }
        });
    }

    @Override
    public void close() {
        db.close();
        SharedPostgres.get().drop(endpoint);
    }
}
