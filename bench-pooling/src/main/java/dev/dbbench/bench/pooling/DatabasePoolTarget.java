package dev.dbbench.bench.pooling;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.orm.UserOrderSchema;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A real database for the pools: a fresh PostgreSQL database or SQLite file (with the guide's
 * settings: WAL, foreign keys) from {@link DatabaseTarget}, removed on close.
 */
public final class DatabasePoolTarget implements PoolTarget {
    private final DatabaseTarget target;

    public DatabasePoolTarget(DatabaseTarget target) {
        this.target = target;
    }

    @Override
    public DataSource dataSource() {
        return target.database().dataSource();
    }

    @Override
    public Dialect dialect() {
        return target.dialect();
    }

    @Override
    public void createSchema() {
        target.database().useConnection(c -> UserOrderSchema.create(c, target.dialect()));
    }

    @Override
    public void reset() {
        // SQLite has no TRUNCATE statement.
        String empty = switch (target.dialect()) {
            case POSTGRES -> "TRUNCATE users CASCADE";
            case SQLITE -> "DELETE FROM users";
        };
        target.database().useConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(empty);
            }
        });
    }

    @Override
    public void close() {
        target.close();
    }
}
