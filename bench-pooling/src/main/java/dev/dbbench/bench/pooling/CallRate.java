package dev.dbbench.bench.pooling;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput as a secondary metric of a SampleTime benchmark: JMH turns this per-thread count into
 * calls per time unit over all threads. It saves running every contended case a second time in
 * Throughput mode; the increment is one add to a field only its own thread touches.
 */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class CallRate {
    public long calls;

    @Setup(Level.Iteration)
    public void clear() {
        calls = 0;
    }
}
