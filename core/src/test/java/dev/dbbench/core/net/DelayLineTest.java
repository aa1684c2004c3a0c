package dev.dbbench.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The relay's clock: order and causality, which no busy moment of the machine can change. */
class DelayLineTest {

    @Test
    void tasksRunByDeadlineEqualDeadlinesInQueueOrderAndNeverEarly() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        List<Long> early = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(5);
        try (DelayLine line = new DelayLine("delay-line-test")) {
            long base = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
            long[] deadlines = {base + 3_000_000, base, base + 1_000_000, base + 1_000_000, base + 2_000_000};
            String[] names = {"last", "first", "second", "third", "fourth"};
            for (int i = 0; i < names.length; i++) {
                long deadline = deadlines[i];
                String name = names[i];
                line.add(deadline, () -> {
                    long now = System.nanoTime();
                    if (now - deadline < 0) {
                        early.add(deadline - now);
                    }
                    ran.add(name);
                    done.countDown();
                }, () -> ran.add("dropped " + name));
            }
            assertTrue(done.await(30, TimeUnit.SECONDS), "all five ran: " + ran);
        }
        assertEquals(List.of("first", "second", "third", "fourth", "last"), ran);
        assertEquals(List.of(), early, "nanoseconds early");
    }

    @Test
    void anEarlierTaskQueuedLaterStillRunsFirst() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        try (DelayLine line = new DelayLine("delay-line-test")) {
            long now = System.nanoTime();
            line.add(now + TimeUnit.MILLISECONDS.toNanos(500), () -> { ran.add("late"); done.countDown(); }, () -> {});
            line.add(now + TimeUnit.MILLISECONDS.toNanos(50), () -> { ran.add("early"); done.countDown(); }, () -> {});
            assertTrue(done.await(30, TimeUnit.SECONDS));
        }
        assertEquals(List.of("early", "late"), ran);
    }

    @Test
    void closingDropsWhatHasNotRunAndLaterTasksAreDroppedAtOnce() {
        List<String> ran = new CopyOnWriteArrayList<>();
        DelayLine line = new DelayLine("delay-line-test");
        line.add(System.nanoTime() + TimeUnit.HOURS.toNanos(1), () -> ran.add("ran pending"), () -> ran.add("dropped pending"));
        line.close();
        line.add(System.nanoTime(), () -> ran.add("ran after close"), () -> ran.add("dropped after close"));
        assertEquals(List.of("dropped pending", "dropped after close"), ran);
    }
}
