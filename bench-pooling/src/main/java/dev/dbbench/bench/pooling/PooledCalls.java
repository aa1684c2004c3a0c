package dev.dbbench.bench.pooling;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.pool.ConnectionPool;
import dev.dbbench.core.pool.PoolKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The life cycle every pooling benchmark shares: per trial, a target (database or stub) with the
 * guide's users table and a started, filled pool; per iteration, an empty users table. Subclasses
 * say which target, which pool and which operation.
 */
@State(Scope.Benchmark)
public abstract class PooledCalls {
    protected PoolTarget target;
    protected ConnectionPool connections;

    /**
     * The database or stub, opened once per trial: by default a fresh database of the kind the
     * benchmark's {@code @OnDatabase} names; the stub benchmarks override it.
     */
    protected PoolTarget openTarget() {
        return new DatabasePoolTarget(DatabaseTarget.of(getClass()));
    }

    /** The pool over {@code target}, started. */
    protected abstract ConnectionPool startPool(PoolTarget target);

    @Setup(Level.Trial)
    public void start(PoolWatch watch) throws InterruptedException {
        target = openTarget();
        target.createSchema();
        connections = startPool(target);
        awaitFilled();
        watch.watch(connections);
    }

    /** HikariCP opens its minimum idle connections in the background; measuring starts once they are there. */
    private void awaitFilled() throws InterruptedException {
        if (connections.kind() == PoolKind.NONE) {
            return;
        }
        int wanted = connections.settings().minimumIdle();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (connections.status().total() < wanted) {
            if (System.nanoTime() > deadline) {
                throw new DatabaseException("[" + connections.kind().label() + "] pool did not open its " + wanted
                        + " connections within 60 s (" + connections.status() + ")");
            }
            Thread.sleep(1);
        }
    }

    @Setup(Level.Iteration)
    public void emptyUsers() {
        target.reset();
    }

    @TearDown(Level.Trial)
    public void stop() {
        try {
            connections.close();
        } finally {
            target.close();
        }
    }

    /** Each thread's caller, so the emails it registers are its own. */
    @State(Scope.Thread)
    public static class ThreadCaller {
        private int index;
        private Caller caller;

        @Setup(Level.Trial)
        public void start(ThreadParams thread) {
            index = thread.getThreadIndex();
        }

        /** Made on first use, when the target (and so the users table's typing) is known. */
        Caller of(PoolTarget target) {
            if (caller == null) {
                caller = new Caller(target.dialect(), index);
            }
            return caller;
        }
    }

    /** Runs {@code op} once as {@code thread}; what every benchmark method does. */
    protected Object call(Operation op, ThreadCaller thread) {
        return op.run(connections, thread.of(target));
    }
}
