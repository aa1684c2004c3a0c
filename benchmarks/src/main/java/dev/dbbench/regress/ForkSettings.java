package dev.dbbench.regress;

import dev.dbbench.core.provision.Secrets;
import dev.dbbench.profile.GcProfilerSwitch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How every fork of a comparison is started: the same {@code java}, the same JVM flags and the same
 * JMH iteration settings for base and head, so that the only difference between the two is the jar.
 */
public record ForkSettings(Path java, List<String> jvmArgs, int warmupIterations, int iterations,
                           String warmupTime, String time, PairSchedule schedule) {
    public ForkSettings {
        jvmArgs = List.copyOf(jvmArgs);
        if (schedule == null) {
            schedule = PairSchedule.interleaved();
        }
        if (warmupIterations < 0) {
            throw new BadInputException("--warmup-iterations " + warmupIterations + " is negative: give 0 or more");
        }
        if (iterations < 1) {
            throw new BadInputException("--iterations " + iterations + " must be at least 1: the median needs measurements");
        }
        checkTime("--warmup-time", warmupTime);
        checkTime("--time", time);
    }

    /** Forks one after the other, A B then B A. */
    public ForkSettings(Path java, List<String> jvmArgs, int warmupIterations, int iterations, String warmupTime, String time) {
        this(java, jvmArgs, warmupIterations, iterations, warmupTime, time, PairSchedule.interleaved());
    }

    /** The same settings with password values masked, for reports: results never hold a password. */
    public ForkSettings forDisplay() {
        return new ForkSettings(java, jvmArgs.stream().map(Secrets::mask).toList(), warmupIterations, iterations, warmupTime, time,
                schedule);
    }

    /** The Java that runs this check, so base and head forks run on the same JDK as each other. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The command line of one fork of {@code jar} running exactly {@code names}, writing JSON to {@code result}. */
    List<String> command(Path jar, List<String> names, Path result) {
        return command(jar, names, result, List.of(), false, null);
    }

    /**
     * The same, with extra JMH options ({@code -p name=value} of a preset) and the gc profiler on or off.
     * The sequential check turns it on in both jars alike: it gates allocation per operation too.
     * With a {@code cpu} (a duet), the fork and all its children are pinned to it, and JMH's lock,
     * which keeps two runs from measuring each other, is set aside: the duet's two forks run at once
     * on purpose, each on a CPU of its own.
     */
    List<String> command(Path jar, List<String> names, Path result, List<String> jmhArgs, boolean gcProfiler, Integer cpu) {
        List<String> command = new ArrayList<>();
        if (cpu != null) {
            command.addAll(List.of("taskset", "-c", Integer.toString(cpu)));
        }
        command.add(java.toString());
        command.addAll(jvmArgs);
        if (cpu != null) {
            command.add("-Djmh.ignoreLock=true");
        }
        // The launcher's default gc profiler set alike in both jars (a jar too old to know the property ignores it):
        // off, the fixed-pairs check times the benchmarks, not their allocation.
        command.add("-D" + GcProfilerSwitch.PROPERTY + "=" + gcProfiler);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        for (String name : names) {
            // Anchored, so that "Foo.bar" does not also run "Foo.barBaz": both jars run exactly this set.
            command.add("^" + name.replace(".", "\\.").replace("$", "\\$") + "$");
        }
        command.addAll(List.of("-f", "1", "-wi", Integer.toString(warmupIterations), "-i", Integer.toString(iterations),
                "-w", warmupTime, "-r", time, "-rf", "json", "-rff", result.toAbsolutePath().toString()));
        command.addAll(jmhArgs);
        return command;
    }

    /** Rough seconds one fork takes: JVM and database start-up plus warm-up and measurement per benchmark. */
    double plannedSeconds(int benchmarks) {
        double perBenchmark = warmupIterations * seconds(warmupTime) + iterations * seconds(time);
        return 8 + benchmarks * perBenchmark;
    }

    private static double seconds(String time) {
        TimeValue t = TimeValue.fromString(time);
        return t.convertTo(TimeUnit.MILLISECONDS) / 1000.0;
    }

    private static void checkTime(String option, String value) {
        try {
            TimeValue t = TimeValue.fromString(value);
            if (t.getTime() <= 0) {
                throw new BadInputException(option + " " + value + " must be positive, e.g. 500ms or 1s");
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + " \"" + value + "\" is not a JMH time: give e.g. 500ms or 1s", e);
        }
    }
}
