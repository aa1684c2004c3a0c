package dev.dbbench.cli;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a run. The JVM then runs its shutdown hooks while the run's
 * own thread goes on; the hook here makes that thread finish quickly and keep what finished:
 * <ol>
 *   <li>it marks the run interrupted, so no new fork starts ({@link ForkSystemProperties} refuses
 *       the next trial, which JMH records as a failure and passes over without forking);</li>
 *   <li>it stops the running forks (this JVM's Java children, JMH's {@code ForkedMain});</li>
 *   <li>it waits while the run writes the results and report of what finished, stops the server
 *       and removes its temporary files, then ends the JVM with exit code 130 (the shell's code
 *       for Ctrl-C), whichever of the two signals came.</li>
 * </ol>
 */
final class Interruption implements AutoCloseable {
    static final int EXIT_CODE = 130;
    private static final String FORKED_MAIN = "org.openjdk.jmh.runner.ForkedMain";
    /** Long enough to write the results and stop an embedded server; bounded so a stuck run still ends. */
    private static final long WAIT_SECONDS = 120;
    private static final long FORCE_AFTER_MILLIS = 5_000;

    private static final AtomicBoolean REQUESTED = new AtomicBoolean();

    private final CountDownLatch runEnded = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "dbbench-interrupt");

    private Interruption() {}

    /** Watches for an interrupt until {@link #close()}: the run's outermost resource, so close comes after everything else is cleaned up. */
    static Interruption arm() {
        Interruption armed = new Interruption();
        Runtime.getRuntime().addShutdownHook(armed.hook);
        return armed;
    }

    /** Whether the launcher was told to stop: nothing new may start. */
    static boolean requested() {
        return REQUESTED.get();
    }

    private void onSignal() {
        REQUESTED.set(true);
        long start = System.nanoTime();
        try {
            while (!runEnded.await(200, TimeUnit.MILLISECONDS)) {
                long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                stopForks(waited > FORCE_AFTER_MILLIS);
                if (waited > TimeUnit.SECONDS.toMillis(WAIT_SECONDS)) {
                    System.err.println("[dbbench] interrupted: the run did not wind up within " + WAIT_SECONDS + " s; stopping without it");
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.flush();
        System.err.flush();
        // Without halt the JVM would exit with 128 + the signal's number; and the run's thread, back in
        // Main, would wait forever in System.exit behind this hook.
        Runtime.getRuntime().halt(EXIT_CODE);
    }

    /** JMH's forks of this run; a fork that ignores the polite signal for long is killed. */
    private static void stopForks(boolean force) {
        ProcessHandle.current().children()
                .filter(Interruption::isFork)
                .forEach(p -> {
                    if (force) {
                        p.destroyForcibly();
                    } else {
                        p.destroy();
                    }
                });
    }

    /**
     * A JMH fork: runs ForkedMain, or is a Java child (Linux may show only the start of a long
     * command line, cut inside the class path). The launcher's other children, a PostgreSQL
     * server's tools and watch, are not Java.
     */
    private static boolean isFork(ProcessHandle p) {
        ProcessHandle.Info info = p.info();
        boolean forkedMain = info.arguments().map(args -> Arrays.asList(args).contains(FORKED_MAIN)).orElse(false);
        boolean isJava = info.command().map(c -> java.nio.file.Path.of(c).getFileName().toString().startsWith("java")).orElse(false);
        return forkedMain || isJava;
    }

    @Override
    public void close() {
        runEnded.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutting down: the hook is running and now ends the JVM.
        }
    }
}
