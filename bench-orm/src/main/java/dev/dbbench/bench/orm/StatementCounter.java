package dev.dbbench.bench.orm;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The SQL statements each operation sent, as a secondary metric of JMH's results
 * ({@code statementsPerOp}), so the report can judge the guide's "a single query" and "two queries
 * total" on counts rather than on time. JMH reads the counter once per iteration and adds the
 * iterations up in its score; the value it reads is already per operation (statements / operations
 * of that iteration), so every iteration's raw value is the count per operation and the report reads
 * those, not the sum.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class StatementCounter {
    private long statements;
    private long operations;

    @Setup(Level.Iteration)
    public void clear() {
        statements = 0;
        operations = 0;
    }

    /** Records one operation and the statements it took. */
    public void record(long statementsOfOneOperation) {
        statements += statementsOfOneOperation;
        operations++;
    }

    public double statementsPerOp() {
        return operations == 0 ? 0 : (double) statements / operations;
    }
}
