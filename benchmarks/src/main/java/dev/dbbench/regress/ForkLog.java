package dev.dbbench.regress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A fork's output, copied to its log file line by line as it comes, with the moment each benchmark began:
 * JMH prints {@code # Benchmark: NAME} before each of a benchmark's cases. JMH's JSON result has no times,
 * and the sequential check needs each benchmark's share of a fork to reckon a pair of fewer benchmarks
 * ({@link PairBudget}): a pair's time is not proportional to its benchmarks (a single-shot benchmark and
 * one of timed iterations differ by tens of seconds).
 */
final class ForkLog {
    static final String MARK = "# Benchmark: ";
    /** How long the end of a fork's output is awaited once the fork has ended (its forked JVM is gone by then). */
    private static final long DRAIN_SECONDS = 30;

    /** A benchmark's case began at {@code nanos}. */
    record Mark(long nanos, String benchmark) {}

    /**
     * Seconds of one fork, or the sum over a pair's forks: before the first benchmark began (the JVM's start),
     * and from each benchmark's first line to the next benchmark's (the last one's to the fork's end), summed
     * over the benchmark's cases.
     */
    record Times(double before, SortedMap<String, Double> benchmarks) {
        static final Times NONE = new Times(0, new TreeMap<>());

        Times {
            benchmarks = Collections.unmodifiableSortedMap(new TreeMap<>(benchmarks));
        }

        Times plus(Times other) {
            SortedMap<String, Double> sum = new TreeMap<>(benchmarks);
            other.benchmarks.forEach((name, s) -> sum.merge(name, s, Double::sum));
            return new Times(before + other.before, sum);
        }

        /**
         * The part of this fork's time that a fork of {@code names} would take (start-up included); NaN when
         * one of them was not seen here, or nothing was.
         */
        double share(Iterable<String> names) {
            double total = before + benchmarks.values().stream().mapToDouble(Double::doubleValue).sum();
            double part = before;
            for (String name : names) {
                Double s = benchmarks.get(name);
                if (s == null) {
                    return Double.NaN;
                }
                part += s;
            }
            return total > 0 ? part / total : Double.NaN;
        }

        /** For the progress line: "CpuRulerBenchmark.loop 7.1 s, ..." in the fork's order of names. */
        String describe() {
            return benchmarks.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.1f s", shortName(e.getKey()), e.getValue()))
                    .collect(Collectors.joining(", "));
        }

        private static String shortName(String name) {
            int method = name.lastIndexOf('.');
            int type = method > 0 ? name.lastIndexOf('.', method - 1) : -1;
            return name.substring(type + 1);
        }
    }

    private final List<Mark> marks = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;
    private volatile IOException failure;

    private ForkLog(InputStream output, Path log, String name) {
        reader = new Thread(() -> copy(output, log), name);
        reader.setDaemon(true);
    }

    /** Starts copying {@code process}'s output (stderr merged in) to {@code log}. */
    static ForkLog follow(Process process, Path log, String name) {
        ForkLog forkLog = new ForkLog(process.getInputStream(), log, name);
        forkLog.reader.start();
        return forkLog;
    }

    private void copy(InputStream output, Path log) {
        // ISO-8859-1 keeps every byte as it came; the marks are ASCII.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(output, StandardCharsets.ISO_8859_1))) {
            Writer out = null;
            try {
                out = Files.newBufferedWriter(log, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                failure = e;
            }
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    line(line, System.nanoTime());
                    if (out != null) {
                        try {
                            out.write(line);
                            out.write('\n');
                            out.flush();
                        } catch (IOException e) {
                            // Keep reading: a fork whose output is not read blocks on a full pipe.
                            failure = e;
                            out = null;
                        }
                    }
                }
            } finally {
                if (out != null) {
                    out.close();
                }
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** One line of output at {@code nanos}. */
    private void line(String line, long nanos) {
        if (line.startsWith(MARK)) {
            marks.add(new Mark(nanos, line.substring(MARK.length()).trim()));
        }
    }

    /** Waits until the fork's output has ended and is in its log file; call after the fork's process ended. */
    void drain() throws InterruptedException {
        reader.join(TimeUnit.SECONDS.toMillis(DRAIN_SECONDS));
    }

    /** Why the log file may be incomplete, or null. */
    IOException failure() {
        return failure;
    }

    /** This fork's times, for a fork that started at {@code start} and ended at {@code end} (nanoTime). */
    Times times(long start, long end) {
        synchronized (marks) {
            return times(List.copyOf(marks), start, end);
        }
    }

    static Times times(List<Mark> marks, long start, long end) {
        if (marks.isEmpty()) {
            return Times.NONE;
        }
        SortedMap<String, Double> seconds = new TreeMap<>();
        for (int i = 0; i < marks.size(); i++) {
            Mark mark = marks.get(i);
            long until = i + 1 < marks.size() ? marks.get(i + 1).nanos() : Math.max(end, mark.nanos());
            seconds.merge(mark.benchmark(), (until - mark.nanos()) / 1e9, Double::sum);
        }
        return new Times(Math.max(0, marks.get(0).nanos() - start) / 1e9, seconds);
    }
}
