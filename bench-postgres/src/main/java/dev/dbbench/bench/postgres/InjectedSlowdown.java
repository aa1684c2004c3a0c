package dev.dbbench.bench.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Properties;

/**
 * TEST-ONLY: a known slowdown, for measuring the regression check on database work. Off unless a
 * jar carries {@link #RESOURCE} (written only by {@code CompareTrials} into its copy of the head
 * jar, never by the build), so a normal run never has it. When on, each call of the wrapped operation
 * is followed by a busy wait of {@code fraction} times that call's own measured time: the operation
 * then costs {@code 1 + fraction} times what it did, on this machine, at this moment, whatever its
 * speed, which no fixed amount of work calibrated once in set-up could promise (set-up runs cold).
 * The wait spins on the benchmark's own thread, as slower Java code would.
 */
public final class InjectedSlowdown {
    /** The resource that turns it on: {@code fraction=0.10} for 10%. */
    public static final String RESOURCE = "dev/dbbench/bench/postgres/injected-slowdown.properties";

    /** 0 when off; final, so the JIT folds the check away in normal runs. */
    static final double FRACTION = read();

    /** The operation being slowed down. */
    @FunctionalInterface
    public interface SqlCall<T> {
        T call() throws SQLException;
    }

    private InjectedSlowdown() {}

    public static double fraction() {
        return FRACTION;
    }

    public static <T> T around(SqlCall<T> call) throws SQLException {
        if (FRACTION == 0) {
            return call.call();
        }
        long start = System.nanoTime();
        T result = call.call();
        long end = System.nanoTime();
        long until = end + (long) ((end - start) * FRACTION);
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        return result;
    }

    private static double read() {
        try (InputStream in = InjectedSlowdown.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return 0;
            }
            Properties p = new Properties();
            p.load(in);
            String text = p.getProperty("fraction", "");
            double f;
            try {
                f = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(RESOURCE + ": fraction \"" + text + "\" is not a number: write e.g. fraction=0.10", e);
            }
            if (!(f > 0 && f <= 1)) {
                throw new IllegalStateException(RESOURCE + ": fraction " + f + " must be above 0 and at most 1, e.g. 0.10");
            }
            // Said loudly in every fork's log: a result with it on is not a measurement of the code.
            System.err.printf("[dbbench] TEST-ONLY injected slowdown: +%.1f%% of each call's own time in %s%n", f * 100,
                    InjectedSlowdown.class.getPackageName());
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
