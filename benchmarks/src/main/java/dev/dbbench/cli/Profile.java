package dev.dbbench.cli;

import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long and how carefully to measure. A profile only fills in what the person did not give as a
 * JMH option ({@code -f -wi -w -i -r -wf}), and {@code quick} fills in nothing: the benchmark
 * classes' own annotations are quick-quality by the project's rule, and each class knows best how
 * long its work takes.
 */
public enum Profile {
    /** Every benchmark and parameter combination once, as short as JMH allows: proves the suite runs (tests, CI). */
    SMOKE("every benchmark and parameter combination once, 1 fork, no warm-up, 1 x 100 ms measurement, 2 benchmarks at a time",
            1, 0, TimeValue.milliseconds(100), 1, TimeValue.milliseconds(100), 2, 1),
    /** The classes' own settings: every comparison with a usable error, the whole suite in under 30 minutes. */
    QUICK("the benchmark classes' own settings, their forks in 2 rounds", null, null, null, null, null, 1, 2),
    /** Publication quality: several forks, longer warm-up and measurement. */
    FULL("3 forks in 3 rounds, 5 x 2 s warm-up, 10 x 2 s measurement", 3, 5, TimeValue.seconds(2), 10, TimeValue.seconds(2), 1, 3);

    private final String description;
    private final Integer forks;
    private final Integer warmupIterations;
    private final TimeValue warmupTime;
    private final Integer measurementIterations;
    private final TimeValue measurementTime;
    private final int parallel;
    private final int rounds;

    Profile(String description, Integer forks, Integer warmupIterations, TimeValue warmupTime, Integer measurementIterations, TimeValue measurementTime,
            int parallel, int rounds) {
        this.description = description;
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupTime = warmupTime;
        this.measurementIterations = measurementIterations;
        this.measurementTime = measurementTime;
        this.parallel = parallel;
        this.rounds = rounds;
    }

    /**
     * Benchmarks run at once. Smoke only proves that everything runs, so two forks share the two
     * cores of a CI machine; a measured profile runs one fork at a time so forks do not disturb each other.
     */
    public int parallel() {
        return parallel;
    }

    /**
     * The rounds a combination's forks are spread over ({@link Rounds}): a measured profile runs
     * every combination's first fork, then every combination's second, so its forks lie minutes
     * apart and their spread shows the machine's drift as a second run would; smoke has one fork.
     */
    public int rounds() {
        return rounds;
    }

    public String description() {
        return description;
    }

    /** The name as typed on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Optional<Integer> forks() {
        return Optional.ofNullable(forks);
    }

    public Optional<Integer> warmupIterations() {
        return Optional.ofNullable(warmupIterations);
    }

    public Optional<TimeValue> warmupTime() {
        return Optional.ofNullable(warmupTime);
    }

    public Optional<Integer> measurementIterations() {
        return Optional.ofNullable(measurementIterations);
    }

    public Optional<TimeValue> measurementTime() {
        return Optional.ofNullable(measurementTime);
    }

    /** Sets on {@code builder} this profile's values for every setting {@code given} leaves open. */
    void fillIn(ChainedOptionsBuilder builder, Options given) {
        if (forks != null && !given.getForkCount().hasValue()) {
            builder.forks(forks);
        }
        if (forks != null && !given.getWarmupForkCount().hasValue()) {
            // Warm-up forks would double a smoke run for nothing; the profiles measure in every fork.
            builder.warmupForks(0);
        }
        if (warmupIterations != null && !given.getWarmupIterations().hasValue()) {
            builder.warmupIterations(warmupIterations);
        }
        if (warmupTime != null && !given.getWarmupTime().hasValue()) {
            builder.warmupTime(warmupTime);
        }
        if (measurementIterations != null && !given.getMeasurementIterations().hasValue()) {
            builder.measurementIterations(measurementIterations);
        }
        if (measurementTime != null && !given.getMeasurementTime().hasValue()) {
            builder.measurementTime(measurementTime);
        }
    }
}
