package dev.dbbench.bench.pooling;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.orm.UserOrderSchema;
import dev.dbbench.core.provision.SqliteDirectory;
import java.sql.Statement;
import javax.sql.DataSource;

/** A SQLite file with the guide's settings (WAL, foreign keys) in a temporary directory removed on close. */
public final class SqliteTarget implements PoolTarget {
    private final SqliteDirectory dir;
    private final Database db;

    public SqliteTarget() {
        dir = SqliteDirectory.create();
        db = Databases.sqlite(dir.file("pooling.db"));
    }

    @Override
    public DataSource dataSource() {
        return db.dataSource();
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public void createSchema() {
        db.useConnection(c -> UserOrderSchema.create(c, Dialect.SQLITE));
    }

    @Override
    public void reset() {
        db.useConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM users");
            }
        });
    }

    @Override
    public void close() {
        db.close();
        dir.close();
    }
}
