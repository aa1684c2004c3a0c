package dev.dbbench.regress;

import dev.dbbench.regress.JmhResults.Measured;
import dev.dbbench.results.RunFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;

/**
 * Starts one fork: {@code java -jar X.jar <names> -f 1 ... -rf json -rff <file>} as its own process in
 * its own working directory, so it provisions its own database (a fresh embedded PostgreSQL unless the
 * environment names a server) and leaves nothing behind for the next fork.
 */
final class ForkRunner {
    private final ForkSettings settings;
    private final WorkFolder work;
    private final PrintWriter progress;
    private final List<String> jmhArgs;
    private final boolean gcProfiler;
    private int started;

    ForkRunner(ForkSettings settings, WorkFolder work, PrintWriter progress) {
        this(settings, work, progress, List.of(), false);
    }

    /** With extra JMH options for every fork (a preset's pinned parameters) and the gc profiler as given. */
    ForkRunner(ForkSettings settings, WorkFolder work, PrintWriter progress, List<String> jmhArgs, boolean gcProfiler) {
        this.settings = settings;
        this.work = work;
        this.progress = progress;
        this.jmhArgs = List.copyOf(jmhArgs);
        this.gcProfiler = gcProfiler;
    }

    /**
     * One interleaved pair's measurements: the base jar's and the head jar's, for the same cases; and where
     * the pair's time went, summed over its two forks.
     */
    record Pair(SortedMap<BenchmarkKey, Measured> base, SortedMap<BenchmarkKey, Measured> head, ForkLog.Times times) {}

    /** A finished fork's measurements and where its time went. */
    private record Finished(SortedMap<BenchmarkKey, Measured> measured, ForkLog.Times times) {}

    /**
     * The {@code index}-th pair. Interleaved: A B, B A, A B, ..., so neither build always runs first,
     * after a quiet or a busy moment. A duet: both at once on CPUs of their own, the CPUs and the start
     * order swapped every pair ({@link PairSchedule}). Both forks must measure the same cases.
     */
    Pair pair(DbbenchJar base, DbbenchJar head, SortedSet<String> names, int index) {
        Finished a;
        Finished b;
        PairSchedule schedule = settings.schedule();
        if (schedule.kind() == PairSchedule.Kind.DUET) {
            Fork baseFork = null;
            Fork headFork = null;
            try {
                if (index % 2 == 0) {
                    baseFork = start(base, "base", names, schedule.cpu(index, true));
                    headFork = start(head, "head", names, schedule.cpu(index, false));
                } else {
                    headFork = start(head, "head", names, schedule.cpu(index, false));
                    baseFork = start(base, "base", names, schedule.cpu(index, true));
                }
                a = finish(baseFork);
                b = finish(headFork);
            } finally {
                // When one fork failed, or the second could not even start, the other is not left running
                // (with its database) past the check.
                stop(baseFork);
                stop(headFork);
            }
        } else if (index % 2 == 0) {
            a = finish(start(base, "base", names, null));
            b = finish(start(head, "head", names, null));
        } else {
            b = finish(start(head, "head", names, null));
            a = finish(start(base, "base", names, null));
        }
        if (!a.measured().keySet().equals(b.measured().keySet())) {
            throw new BadInputException("base and head forks measured different cases (base " + a.measured().keySet() + ", head "
                    + b.measured().keySet() + "): compare builds with the same @Param values");
        }
        return new Pair(a.measured(), b.measured(), a.times().plus(b.times()));
    }

    /**
     * The extra JMH options for a fork of {@code names}: a {@code -p name=value} only when one of them
     * has that parameter. A preset pins the parameters of all its benchmarks, and a later fork that runs
     * only the undecided ones would otherwise be refused by the jar's launcher for a parameter none of
     * them has.
     */
    List<String> pinnedFor(DbbenchJar jar, SortedSet<String> names) {
        SortedSet<String> known = jar.paramNames(names);
        List<String> args = new ArrayList<>();
        for (int i = 0; i < jmhArgs.size(); i++) {
            String arg = jmhArgs.get(i);
            if (arg.equals("-p") && i + 1 < jmhArgs.size()) {
                String value = jmhArgs.get(++i);
                int eq = value.indexOf('=');
                if (eq < 0 || known.contains(value.substring(0, eq))) {
                    args.add(arg);
                    args.add(value);
                }
            } else {
                args.add(arg);
            }
        }
        return args;
    }

    /** A started fork: what it runs, where it writes, and since when. */
    private record Fork(DbbenchJar jar, String side, SortedSet<String> names, int number, Path result, Path log,
                        Process process, ForkLog output, long start, CompletableFuture<Long> end) {}

    private Fork start(DbbenchJar jar, String side, SortedSet<String> names, Integer cpu) {
        int number = ++started;
        Path dir = work.path().resolve(String.format(Locale.ROOT, "fork-%03d-%s", number, side));
        Path result = dir.resolve(RunFolder.JMH_JSON);
        Path log = dir.resolve("fork.log");
        List<String> command = settings.command(jar.path(), List.copyOf(names), result, pinnedFor(jar, names), gcProfiler, cpu);
        try {
            Files.createDirectories(dir);
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            long start = System.nanoTime();
            work.started(process);
            ForkLog output = ForkLog.follow(process, log, "fork-" + number + "-" + side + "-output");
            // Its own end, not when it is waited for: in a duet the second fork is waited for after the first.
            CompletableFuture<Long> end = process.onExit().thenApply(p -> System.nanoTime());
            return new Fork(jar, side, names, number, result, log, process, output, start, end);
        } catch (IOException e) {
            throw new BadInputException("cannot start " + command.get(0) + " for the " + side + " fork (" + JmhResults.oneLine(e)
                    + "): check that the JDK running the check is complete", e);
        }
    }

    private static void stop(Fork fork) {
        if (fork != null && fork.process.isAlive()) {
            fork.process.descendants().forEach(ProcessHandle::destroy);
            fork.process.destroy();
        }
    }

    private Finished finish(Fork fork) {
        int exit;
        try {
            exit = fork.process.waitFor();
            fork.output.drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInputException("interrupted while the " + fork.side + " fork was running; nothing was compared", e);
        } finally {
            work.ended(fork.process);
        }
        String side = fork.side;
        Path log = fork.log;
        DbbenchJar jar = fork.jar;
        long end = fork.end.join();
        ForkLog.Times times = fork.output.times(fork.start, end);
        progress.printf(Locale.ROOT, "[compare] fork %d (%s) finished in %.1f s (start-up %.1f s, %s)%n", fork.number, side,
                (end - fork.start) / 1e9, times.before(), times.benchmarks().isEmpty() ? "no benchmark began" : times.describe());
        if (fork.output.failure() != null) {
            progress.println("[compare] warning: fork " + fork.number + "'s output could not all be kept in " + log + " ("
                    + JmhResults.oneLine(fork.output.failure()) + ")");
        }
        progress.flush();
        if (exit != 0 && logContains(log, "Unable to acquire the JMH lock")) {
            throw new BadInputException("another JMH run on this machine holds JMH's lock, so the " + side + " fork could not start:"
                    + " wait for it to finish, or pass --jvm-arg=-Djmh.ignoreLock=true (its load then disturbs the timings,"
                    + " which the rulers will show)");
        }
        if (exit != 0 || !Files.isRegularFile(fork.result)) {
            throw new BadInputException("the " + side + " fork of " + jar.path() + " failed (exit code " + exit + "): "
                    + lastLine(log) + where(log));
        }
        SortedMap<BenchmarkKey, Measured> measured = JmhResults.read(fork.result, side + " fork result");
        for (String name : fork.names) {
            if (measured.keySet().stream().noneMatch(k -> k.benchmark().equals(name))) {
                throw new BadInputException("the " + side + " fork of " + jar.path() + " produced no result for " + name
                        + " (the benchmark failed): " + lastLine(log) + where(log));
            }
        }
        return new Finished(measured, times);
    }

    /** Where the whole log is: a temporary work folder is removed when the check ends, so its logs are not. */
    private String where(Path log) {
        return work.kept() ? " — full output in " + log : " — give --work-dir DIR to keep every fork's output";
    }

    private static boolean logContains(Path log, String text) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i).trim();
                if (line.contains("Exception") || line.contains("ERROR") || line.startsWith("[")) {
                    return line;
                }
            }
            return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).trim();
        } catch (IOException e) {
            return "no output (" + JmhResults.oneLine(e) + ")";
        }
    }
}
