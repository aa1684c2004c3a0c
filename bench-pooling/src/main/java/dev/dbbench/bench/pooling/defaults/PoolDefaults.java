package dev.dbbench.bench.pooling.defaults;

import dev.dbbench.bench.pooling.Operation;
import dev.dbbench.bench.pooling.PoolCounters;
import dev.dbbench.bench.pooling.PoolTarget;
import dev.dbbench.bench.pooling.PooledCalls;
import dev.dbbench.core.pool.ConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/** One caller, borrow + SELECT 1 + return, through each {@link PoolSetup}. */
public abstract class PoolDefaults extends PooledCalls {
    @Param
    public PoolSetup setup;

    @Override
    protected ConnectionPool startPool(PoolTarget target) {
        return setup.start(target.dataSource());
    }

    @Benchmark
    public Object borrowSelect1(ThreadCaller thread, PoolCounters counters) {
        return call(Operation.SELECT_1, thread);
    }
}
