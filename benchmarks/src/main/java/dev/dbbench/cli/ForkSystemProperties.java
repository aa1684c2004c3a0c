package dev.dbbench.cli;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.BenchmarkException;

/**
 * Hands the launcher's database settings to every JMH fork as {@code -D} system properties, and
 * the fork's class-data sharing flags ({@link ClassSharing}).
 *
 * <p>Why a profiler and not {@code jvmArgsAppend}: JMH records a fork's JVM arguments in its JSON
 * and prints them ("# VM options"), so a password there would land in the results; and a
 * {@code jvmArgsAppend} from the options replaces, rather than extends, a class's own
 * {@code @Fork(jvmArgsAppend = ...)}. JMH adds a profiler's {@link #addJVMOptions} to the fork's
 * command line only, on top of whatever the benchmark asks for.
 *
 * <p>JMH makes its own instances by reflection, so the properties are held statically; the
 * launcher sets them once before the run and clears them after. It is also the gate that keeps new
 * forks from starting once the run is interrupted.
 */
public final class ForkSystemProperties implements ExternalProfiler {
    private static final Map<String, String> PROPERTIES = new TreeMap<>();

    /** JMH's reflective constructor. */
    public ForkSystemProperties() {}

    static synchronized void set(Map<String, String> properties) {
        PROPERTIES.clear();
        PROPERTIES.putAll(properties);
    }

    static synchronized void clear() {
        PROPERTIES.clear();
    }

    /** A sorted copy, so the fork's command line is the same from run to run. */
    static synchronized Map<String, String> current() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(PROPERTIES));
    }

    @Override
    public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
        return List.of();
    }

    @Override
    public Collection<String> addJVMOptions(BenchmarkParams params) {
        List<String> out = new ArrayList<>();
        current().forEach((k, v) -> out.add("-D" + k + "=" + v));
        out.addAll(ClassSharing.forkOptions(params));
        return out;
    }

    /**
     * Called by JMH just before it starts each fork: after Ctrl-C, no new fork may start. JMH records
     * the refusal as this benchmark's failure and moves on to the next, which is refused in turn.
     */
    @Override
    public void beforeTrial(BenchmarkParams benchmarkParams) {
        if (Interruption.requested()) {
            throw new BenchmarkException(new IllegalStateException("not started: the run was interrupted"));
        }
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's interface declares the raw type.
    public Collection<? extends Result> afterTrial(BenchmarkResult br, long pid, File stdOut, File stdErr) {
        // JMH calls this only for a fork that ended with results: its class archive, if it wrote one, is whole.
        ClassSharing.forkSucceeded(br.getParams());
        return List.of();
    }

    @Override
    public boolean allowPrintOut() {
        return true;
    }

    @Override
    public boolean allowPrintErr() {
        return true;
    }

    @Override
    public String getDescription() {
        return "dbbench: hands the launcher's database settings to the forks as system properties";
    }
}
