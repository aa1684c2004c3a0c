package dev.dbbench.bench.pooling;

import dev.dbbench.core.pool.ConnectionPool;
import dev.dbbench.core.pool.PoolStatus;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Samples the pool's status every millisecond during each iteration, from one background thread,
 * and keeps the peaks; {@link PoolCounters} reports them. Reading the pool from the benchmark
 * threads instead would add a different cost to every operation of every pool.
 */
@State(Scope.Benchmark)
public class PoolWatch {
    private volatile ConnectionPool watched;
    private volatile boolean sampling;
    private volatile int peakActive;
    private volatile int peakWaiting;
    private volatile int peakTotal;
    private Thread sampler;

    /** Called by the benchmark once its pool is started. */
    public void watch(ConnectionPool pool) {
        watched = pool;
    }

    @Setup(Level.Iteration)
    public void startSampling() {
        peakActive = 0;
        peakWaiting = 0;
        peakTotal = 0;
        sampling = true;
        sampler = new Thread(this::sample, "dbbench-pool-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (sampling) {
            ConnectionPool pool = watched;
            if (pool != null) {
                PoolStatus s = pool.status();
                peakActive = Math.max(peakActive, s.active());
                peakWaiting = Math.max(peakWaiting, s.waiting());
                peakTotal = Math.max(peakTotal, s.total());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    @TearDown(Level.Iteration)
    public void stopSampling() throws InterruptedException {
        sampling = false;
        sampler.join();
    }

    int peakActive() {
        return peakActive;
    }

    int peakWaiting() {
        return peakWaiting;
    }

    int peakTotal() {
        return peakTotal;
    }
}
