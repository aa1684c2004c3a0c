package dev.dbbench.bench.pooling;

import dev.dbbench.bench.pooling.stub.StubCounters;
import dev.dbbench.bench.pooling.stub.StubDriver;
import dev.dbbench.core.Dialect;
import javax.sql.DataSource;

/** The stub driver: connections and statements that cost nothing, so only the pool is measured. */
public final class StubTarget implements PoolTarget {
    private final StubDriver driver = new StubDriver();

    public StubCounters counters() {
        return driver.counters();
    }

    @Override
    public DataSource dataSource() {
        return driver.dataSource();
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public void createSchema() {
        // The stub has no tables: every statement answers with one row.
    }

    @Override
    public void reset() {
        // Nothing is stored, so nothing to reset.
    }

    @Override
    public void close() {
        // Nothing is held open.
    }
}
