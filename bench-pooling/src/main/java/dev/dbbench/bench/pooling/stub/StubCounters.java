package dev.dbbench.bench.pooling.stub;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the pools and benchmarks asked of one {@link StubDriver}: the proof that variants do the same
 * work, and that a pool did not skip (or add) calls the others make.
 */
public final class StubCounters {
    final LongAdder connects = new LongAdder();
    final LongAdder closes = new LongAdder();
    final LongAdder statements = new LongAdder();
    final LongAdder executions = new LongAdder();
    final LongAdder commits = new LongAdder();
    final LongAdder rollbacks = new LongAdder();
    final LongAdder validations = new LongAdder();

    /** Physical connections opened. */
    public long connects() {
        return connects.sum();
    }

    /** Physical connections closed. */
    public long closes() {
        return closes.sum();
    }

    /** Statements and prepared statements created. */
    public long statements() {
        return statements.sum();
    }

    /** Statements executed (queries and updates). */
    public long executions() {
        return executions.sum();
    }

    public long commits() {
        return commits.sum();
    }

    public long rollbacks() {
        return rollbacks.sum();
    }

    /** {@code Connection.isValid} calls: a pool checking a connection. */
    public long validations() {
        return validations.sum();
    }

    @Override
    public String toString() {
        return "connects=" + connects() + ", closes=" + closes() + ", statements=" + statements() + ", executions=" + executions()
                + ", commits=" + commits() + ", rollbacks=" + rollbacks() + ", validations=" + validations();
    }
}
