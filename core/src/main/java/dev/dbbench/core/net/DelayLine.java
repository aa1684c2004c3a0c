package dev.dbbench.core.net;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The relay's clock: runs each queued task at its deadline, on one thread of its own.
 *
 * <p>Why not the event loop's own {@code schedule}: Netty's NIO loop waits in
 * {@code Selector.select(ms)} rounded to the nearest millisecond and spins with {@code selectNow}
 * when the deadline is under half a millisecond away. Measured here (Netty 4.2, 200 timers each):
 * 250 us came at 254 us (median) but by spinning a core, which the benchmark's own threads and the
 * server need (2 cores); 1 ms came at 1,120 us (+12%). A parked thread ({@code parkNanos}) comes
 * 80-100 us late on Linux (the kernel's 50 us timer slack plus the wake-up). So this clock parks
 * until {@link #SPIN_NANOS} before the deadline and spins only the rest (the park itself returns
 * about 90 us late, so some 30 us of spinning per deadline). Measured on the shared 2-core machine,
 * 300 deadlines each at 125 us, 250 us, 500 us, 1 ms and 2.5 ms: median 0-1 us late, 90th
 * percentile at most 31 us; a rare one is milliseconds late when the thread is not scheduled.
 *
 * <p>Order: tasks run by deadline, equal deadlines in the order they were queued; a relay queues
 * one direction's chunks with non-decreasing deadlines, so a direction's bytes never overtake each
 * other. The task only hands the write to the channel's event loop, which runs tasks in order.
 */
final class DelayLine implements AutoCloseable {
    /** How long before a deadline the clock stops parking and spins. */
    static final long SPIN_NANOS = 120_000;

    /** A task to run at {@code deadline} ({@link System#nanoTime()}); {@code drop} runs instead when the line closes first. */
    record Task(long deadline, long sequence, Runnable run, Runnable drop) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int byDeadline = Long.compare(deadline - o.deadline, 0);
            return byDeadline != 0 ? byDeadline : Long.compare(sequence, o.sequence);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final Thread thread;
    private long sequence;
    private boolean closed;

    DelayLine(String name) {
        thread = new Thread(this::loop, name);
        // A relay left open must not keep the JVM alive; close() stops it in order.
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code run} for {@code deadline}; runs {@code drop} at once when the line is closed. */
    void add(long deadline, Runnable run, Runnable drop) {
        lock.lock();
        try {
            if (closed) {
                drop.run();
                return;
            }
            Task task = new Task(deadline, sequence++, run, drop);
            queue.add(task);
            if (queue.peek() == task) {
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        Task task;
        while ((task = next()) != null) {
            try {
                task.run().run();
            } catch (RuntimeException e) {
                // One connection's failure (a closed channel) must not stop the clock for the others.
            }
        }
    }

    /** The next task when its deadline has come; null once closed. */
    private Task next() {
        lock.lock();
        try {
            while (!closed) {
                Task head = queue.peek();
                if (head == null) {
                    changed.awaitUninterruptibly();
                    continue;
                }
                long wait = head.deadline() - System.nanoTime();
                if (wait <= 0) {
                    return queue.poll();
                }
                if (wait > SPIN_NANOS) {
                    changed.awaitNanos(wait - SPIN_NANOS);
                    continue;
                }
                lock.unlock();
                try {
                    while (System.nanoTime() - head.deadline() < 0) {
                        Thread.onSpinWait();
                    }
                } finally {
                    lock.lock();
                }
                // An earlier task may have arrived meanwhile: the loop takes whatever is now first.
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the clock; tasks not yet run are dropped (their buffers released). */
    @Override
    public void close() {
        List<Task> left;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            left = new ArrayList<>(queue);
            queue.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        left.forEach(t -> t.drop().run());
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
