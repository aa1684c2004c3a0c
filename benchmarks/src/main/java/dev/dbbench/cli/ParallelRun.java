package dev.dbbench.cli;

import dev.dbbench.results.Failure;
import dev.dbbench.core.provision.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs a plan's benchmarks several at a time ({@code --parallel N}): each benchmark, with all its
 * parameter combinations, is a JMH run of its own, taken from a shared queue by the next free lane,
 * so one long benchmark does not hold up the others. Every combination still runs in its own fork
 * against its own fresh database. Meant for the smoke profile, which proves that everything runs:
 * forks side by side share the cores and disturb each other's timings, so the measured profiles run
 * one at a time.
 *
 * <p>JMH's text of a benchmark is held back until that benchmark finishes and then written in one
 * piece, so two benchmarks' output never interleave; the progress lines appear as things happen.
 */
final class ParallelRun {
    /** What the lanes produced: results and failures in plan order, and what stopped the run early, if anything. */
    record Outcome(List<RunResult> results, List<Failure> failures, int started, RunnerException stopped) {}

    private record Part(List<RunResult> results, List<Failure> failures) {}

    private final int lanes;
    private final Options options;
    private final Plan plan;
    private final PrintStream jmhText;
    private final VerboseMode verbosity;
    private final Secrets secrets;
    private final Progress progress;

    ParallelRun(int lanes, Options options, Plan plan, PrintStream jmhText, VerboseMode verbosity, Secrets secrets, Progress progress) {
        this.lanes = lanes;
        this.options = options;
        this.plan = plan;
        this.jmhText = jmhText;
        this.verbosity = verbosity;
        this.secrets = secrets;
        this.progress = progress;
    }

    Outcome run() throws IOException {
        try (JmhLock lock = JmhLock.acquire()) {
            List<String> benchmarks = plan.items().stream().map(Plan.Item::benchmark).distinct().toList();
            ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(longestFirst(benchmarks));
            Map<String, Part> done = new ConcurrentHashMap<>();
            AtomicReference<RunnerException> stopped = new AtomicReference<>();
            AtomicReference<RuntimeException> broken = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int lane = 1; lane <= lanes; lane++) {
                Thread t = new Thread(() -> {
                    String next;
                    while (stopped.get() == null && broken.get() == null && !Interruption.requested() && (next = queue.poll()) != null) {
                        try {
                            done.put(next, runOne(next, stopped));
                        } catch (RuntimeException e) {
                            broken.compareAndSet(null, e);
                        }
                    }
                }, "dbbench-lane-" + lane);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while the benchmarks ran", e);
                }
            }
            if (broken.get() != null) {
                throw broken.get();
            }
            List<RunResult> results = new ArrayList<>();
            List<Failure> failures = new ArrayList<>();
            for (String benchmark : benchmarks) {
                Part part = done.get(benchmark);
                if (part == null) {
                    // Never started because the run stopped: recorded as not run, like the single-lane run does.
                    RunMonitor idle = new RunMonitor(quiet(), plan.only(benchmark), secrets, progress);
                    idle.finish(stopped.get());
                    failures.addAll(idle.failures());
                } else {
                    results.addAll(part.results());
                    failures.addAll(part.failures());
                }
            }
            return new Outcome(List.copyOf(results), List.copyOf(failures), progress.started(), stopped.get());
        }
    }

    /**
     * Single-shot benchmarks first: each shot is a whole task (a 1,000,000-row walk, 100,000 commits)
     * that may take a minute, while the timed ones end with their iterations. Started early, the long
     * ones run beside many short ones; started last, one lane would finish them alone.
     */
    private List<String> longestFirst(List<String> benchmarks) {
        Set<String> singleShot = plan.items().stream().filter(i -> i.mode() == Mode.SingleShotTime)
                .map(Plan.Item::benchmark).collect(Collectors.toSet());
        List<String> ordered = new ArrayList<>(benchmarks.stream().filter(singleShot::contains).toList());
        benchmarks.stream().filter(b -> !singleShot.contains(b)).forEach(ordered::add);
        return ordered;
    }

    private Part runOne(String benchmark, AtomicReference<RunnerException> stopped) {
        ByteArrayOutputStream held = new ByteArrayOutputStream();
        PrintStream text = new PrintStream(held, true, StandardCharsets.UTF_8);
        OutputFormat format = OutputFormatFactory.createFormatInstance(new RedactingPrintStream(text, secrets), verbosity);
        RunMonitor monitor = new RunMonitor(format, plan.only(benchmark), secrets, progress);
        Path resultFile = null;
        try {
            ChainedOptionsBuilder only = new OptionsBuilder().parent(options)
                    // Excludes add up with the parent's, includes would not narrow them: exclude every other name.
                    .exclude("^(?!" + Pattern.quote(benchmark) + "$)");
            if (options.getResult().hasValue() || options.getResultFormat().hasValue()) {
                // Each benchmark's run would overwrite the -rff file; the launcher writes it once, whole, at the end.
                resultFile = Files.createTempFile("dbbench-lane-", ".result");
                only.result(resultFile.toString());
            }
            Collection<RunResult> results;
            RunnerException failure = null;
            try {
                results = new Runner(only.build(), monitor).run();
            } catch (RunnerException e) {
                failure = e;
                stopped.compareAndSet(null, e);
                results = monitor.resultsSoFar();
            }
            monitor.finish(failure);
            return new Part(List.copyOf(results), monitor.failures());
        } catch (IOException e) {
            throw new SetupException("cannot create a temporary file for " + benchmark + "'s results (" + e.getMessage()
                    + "): check the temporary directory " + System.getProperty("java.io.tmpdir"), e);
        } finally {
            text.flush();
            synchronized (jmhText) {
                jmhText.write(held.toByteArray(), 0, held.size());
                jmhText.flush();
            }
            if (resultFile != null) {
                try {
                    Files.deleteIfExists(resultFile);
                } catch (IOException e) {
                    // A leftover temporary file is harmless; the results were taken from the run itself.
                }
            }
        }
    }

    private static OutputFormat quiet() {
        return OutputFormatFactory.createFormatInstance(new PrintStream(PrintStream.nullOutputStream()), VerboseMode.SILENT);
    }

    /**
     * JMH's machine-wide lock, held by the launcher for the whole run: the lanes' own JMH runs are
     * told to ignore it (they would lock each other out), but another JMH run on this machine must
     * still be refused, as it is when benchmarks run one at a time.
     */
    record JmhLock(FileChannel channel, FileLock lock) implements AutoCloseable {
        static final String IGNORE = "jmh.ignoreLock";

        static JmhLock acquire() {
            boolean ignore = Boolean.getBoolean(IGNORE);
            // Read by JMH's Runner once, when its class is first used: that is after this line.
            System.setProperty(IGNORE, "true");
            if (ignore) {
                return new JmhLock(null, null);
            }
            Path file = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
            try {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    channel.close();
                    throw new SetupException("[jmh] another JMH run holds " + file + ": wait for it to finish, or pass -Djmh.ignoreLock=true"
                            + " (its load then disturbs both runs' timings)");
                }
                return new JmhLock(channel, lock);
            } catch (IOException e) {
                throw new SetupException("[jmh] cannot lock " + file + " (" + e.getMessage() + "): check the temporary directory", e);
            }
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                lock.release();
                channel.close();
            }
        }
    }
}
