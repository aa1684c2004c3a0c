package dev.dbbench.bench.pooling.contention;

import dev.dbbench.bench.pooling.CallRate;
import dev.dbbench.bench.pooling.Operation;
import dev.dbbench.bench.pooling.PoolCounters;
import dev.dbbench.bench.pooling.PoolTarget;
import dev.dbbench.bench.pooling.PooledCalls;
import dev.dbbench.bench.pooling.PoolingSettings;
import dev.dbbench.core.pool.ConnectionPool;
import dev.dbbench.core.pool.ConnectionPools;
import dev.dbbench.core.pool.PoolKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Threads;

/**
 * Many callers at once against a pool of {@code size}: 4, 16 and 64 threads (one method each, since
 * JMH's thread count is a run option, not a parameter; one thread is the {@code perrequest} classes).
 * With size 4, 4 threads just fill the pool and 16 and 64 queue for it; with size 16 (run with
 * {@code -p size=4,16}), only 64 queue. The defaults keep the suite's smoke run short: size 4 and
 * SELECT_1; {@code -p op=BORROW,SELECT_1,TRANSACTION -p size=4,16} gives the whole grid.
 */
public abstract class PoolContention extends PooledCalls {
    @Param
    public PoolKind pool;

    @Param({"4"})
    public int size;

    @Param({"SELECT_1"})
    public Operation op;

    @Override
    protected ConnectionPool startPool(PoolTarget target) {
        return ConnectionPools.create(pool, target.dataSource(), PoolingSettings.forSize(size));
    }

    @Benchmark
    @Threads(4)
    public Object threads04(ThreadCaller thread, PoolCounters counters, CallRate rate) {
        rate.calls++;
        return call(op, thread);
    }

    @Benchmark
    @Threads(16)
    public Object threads16(ThreadCaller thread, PoolCounters counters, CallRate rate) {
        rate.calls++;
        return call(op, thread);
    }

    @Benchmark
    @Threads(64)
    public Object threads64(ThreadCaller thread, PoolCounters counters, CallRate rate) {
        rate.calls++;
        return call(op, thread);
    }
}
