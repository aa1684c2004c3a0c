package dev.dbbench.bench.pooling;

import dev.dbbench.core.Dialect;
import javax.sql.DataSource;

/** What the pools draw connections from in a benchmark: PostgreSQL, a SQLite file or the stub driver. */
public interface PoolTarget extends AutoCloseable {

    /** New physical connections, for a pool to hold or for the no-pool variant to open per borrow. */
    DataSource dataSource();

    /** How the guide's users table is typed there (the stub answers like SQLite: times as numbers). */
    Dialect dialect();

    /** Creates the guide's users table, once per trial. */
    void createSchema();

    /** Empties the users table, so every iteration starts from the same state. */
    void reset();

    @Override
    void close();
}
