package dev.dbbench.bench.pooling;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The calls all threads completed in an iteration, as a secondary metric of a SampleTime benchmark:
 * divided by the iteration's length it is the throughput, which saves running every contended case a
 * second time in Throughput mode. An EVENTS counter, not OPERATIONS: JMH emits OPERATIONS counters only
 * in the throughput and average-time modes, so in SampleTime "calls" never reached the results. JMH adds
 * the threads' counts together (what we want) and also adds the iterations together (what we do not):
 * the report and results.csv show it as the mean per iteration. The increment is one add to a field
 * only its own thread touches.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class CallRate {
    public long calls;

    @Setup(Level.Iteration)
    public void clear() {
        calls = 0;
    }
}
