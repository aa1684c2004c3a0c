package dev.dbbench.bench.pooling.perrequest;

import dev.dbbench.bench.pooling.Operation;
import dev.dbbench.bench.pooling.PoolCounters;
import dev.dbbench.bench.pooling.PoolTarget;
import dev.dbbench.bench.pooling.PooledCalls;
import dev.dbbench.core.pool.ConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * One caller at a time, every pool and the no-pool baseline in one table: the guide's claim as one
 * ratio per operation. The pool (size 4, filled) is never contended here; see {@code contention}.
 * {@link RequestPool#DBCP2_PRE_PING} adds the guide's own engine setting, a check on every borrow
 * ({@code pool_pre_ping=True}): the claim is judged with it too, as the guide's pool pays for it.
 */
public abstract class ConnectionPerRequest extends PooledCalls {
    @Param
    public RequestPool pool;

    @Override
    protected ConnectionPool startPool(PoolTarget target) {
        return pool.start(target.dataSource());
    }

    /** The operation each request makes; a field of each subclass, whose defaults differ to keep the smoke run short. */
    protected abstract Operation operation();

    @Benchmark
    public Object request(ThreadCaller thread, PoolCounters counters) {
        return call(operation(), thread);
    }
}
