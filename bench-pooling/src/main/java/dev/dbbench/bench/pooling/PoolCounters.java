package dev.dbbench.bench.pooling;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The pool's peaks in each iteration, as secondary metrics in JMH's results: most connections in
 * use, most threads waiting, most connections open. JMH adds up a counter over the threads, so only
 * the first thread reports the peaks and the others report 0.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class PoolCounters {
    public int peakActive;
    public int peakWaiting;
    public int peakTotal;
    private boolean reporter;

    @Setup(Level.Trial)
    public void chooseReporter(ThreadParams thread) {
        reporter = thread.getThreadIndex() == 0;
    }

    @Setup(Level.Iteration)
    public void clear() {
        peakActive = 0;
        peakWaiting = 0;
        peakTotal = 0;
    }

    @TearDown(Level.Iteration)
    public void report(PoolWatch watch) {
        if (reporter) {
            peakActive = watch.peakActive();
            peakWaiting = watch.peakWaiting();
            peakTotal = watch.peakTotal();
        }
    }
}
