package dev.dbbench.regress;

import dev.dbbench.bench.postgres.InjectedSlowdown;
import dev.dbbench.regress.TrialRecord.CaseVerdict;
import dev.dbbench.regress.TrialRecord.Check;
import dev.dbbench.results.BuildInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;

/**
 * {@code CompareTrials --preset NAME}: detection and false-alarm rates of the sequential check on a
 * preset's real database benchmarks. From one jar it makes a base copy, an identical copy and a copy
 * carrying the test-only {@link InjectedSlowdown} resource (each call of {@link Preset#INJECTION_TARGET}
 * then costs {@code 1 + slowdown} times its own time), and alternates A/B checks (base vs slower) and
 * A/A checks (base vs identical), each a complete check within the budget.
 *
 * <p>The trials run in pieces: every finished check goes at once into the {@link TrialRecord} in
 * {@code --out}, and a run with a record there continues it with the first check missing (a check cut
 * off is not in it, so it is redone); a record of other settings or another jar is refused.
 * {@code --max-checks} and {@code --until} stop between checks, so a session can give it a slice.
 */
final class SequentialTrials {
    /** Runs one check: the seam the tests fill with a fake, so the resume logic is tested without forks. */
    interface CheckRunner {
        SequentialReport run(String kind, int index) throws IOException;
    }

    private final Preset preset;
    private final Duration budget;
    private final int trials;
    private final double slowdown;
    private final boolean abOnly;
    private final List<String> jvmArgs;
    private final PairSchedule schedule;
    private final Path out;
    private final int maxChecks;
    private final LocalTime until;
    private final Clock clock;
    private final DoubleSupplier load;
    private final PrintWriter stdout;
    private final PrintWriter progress;

    SequentialTrials(Preset preset, Duration budget, int trials, double slowdown, boolean abOnly, List<String> jvmArgs,
                     PairSchedule schedule, Path out,
                     int maxChecks, LocalTime until, Clock clock, DoubleSupplier load, PrintWriter stdout, PrintWriter progress) {
        if (!(slowdown > 0 && slowdown <= 1)) {
            throw new BadInputException("--slowdown " + slowdown + " must be above 0 and at most 1, e.g. 0.10");
        }
        if (trials < 1) {
            throw new BadInputException("--trials " + trials + " must be at least 1, e.g. 20");
        }
        if (maxChecks < 0) {
            throw new BadInputException("--max-checks " + maxChecks + " must be at least 1 (leave it out for no limit)");
        }
        this.preset = preset;
        this.budget = budget != null ? budget : preset.budget();
        this.trials = trials;
        this.slowdown = slowdown;
        this.abOnly = abOnly;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.schedule = schedule;
        this.out = out;
        this.maxChecks = maxChecks;
        this.until = until;
        this.clock = clock;
        this.load = load;
        this.stdout = stdout;
        this.progress = progress;
    }

    /** The machine's one-minute load average (-1 where the system gives none). */
    static double systemLoad() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Everything is checked (the jar, the record against these settings) before anything is created. */
    int run(Path jar) throws IOException {
        DbbenchJar.open(jar, "--jar");
        SortedMap<String, String> settings = settings(TrialRecord.contentSha256(jar));
        // Part of the contents already; named for a person who has to rebuild the jar to continue the record.
        settings.put(TrialRecord.COMMIT_SETTING, BuildInfo.of(jar).describeCommit());
        TrialRecord record = TrialRecord.read(out);
        record.requireSettings(out, settings);
        Files.createDirectories(out);
        Path base = Files.copy(jar, out.resolve("base.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path same = Files.copy(jar, out.resolve("same.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path slower = Files.copy(jar, out.resolve("slower.jar"), StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(slower)) {
            Path resource = zip.getPath(InjectedSlowdown.RESOURCE);
            Files.createDirectories(resource.getParent());
            Files.writeString(resource, String.format(Locale.ROOT, "fraction=%s%n", slowdown));
        }
        ForkSettings forks = forks();
        DbbenchJar baseJar = DbbenchJar.open(base, "base");
        DbbenchJar sameJar = DbbenchJar.open(same, "same");
        DbbenchJar slowerJar = DbbenchJar.open(slower, "slower");
        Map<String, String[]> shas = Map.of(
                TrialRecord.A_B, new String[] {TrialRecord.sha256(base), TrialRecord.sha256(slower)},
                TrialRecord.A_A, new String[] {TrialRecord.sha256(base), TrialRecord.sha256(same)});
        return trials(record, settings, shas, (kind, index) -> {
            try (WorkFolder work = WorkFolder.temporaryIn(out)) {
                return new SequentialCheck(baseJar, kind.equals(TrialRecord.A_B) ? slowerJar : sameJar, preset.selection(), preset,
                        preset.plan(), budget, 0.05, 0.05, 0.05, 0.03, forks, work, progress).run();
            }
        });
    }

    private ForkSettings forks() {
        return new ForkSettings(ForkSettings.currentJava(), jvmArgs, preset.warmupIterations(), preset.iterations(),
                preset.warmupTime(), preset.time(), schedule);
    }

    /** What must agree between the checks of one record, keyed by the option a person would change. */
    SortedMap<String, String> settings(String jarSha256) {
        SortedMap<String, String> s = new TreeMap<>();
        s.put(TrialRecord.JAR_SETTING, jarSha256);
        s.put("--preset", preset.name());
        s.put("--slowdown", Double.toString(slowdown));
        s.put("--budget", budget.toSeconds() % 60 == 0 ? budget.toMinutes() + "m" : budget.toSeconds() + "s");
        s.put("--ab-only", Boolean.toString(abOnly));
        ForkSettings forks = forks().forDisplay();
        s.put("--jvm-arg", String.join(" ", forks.jvmArgs()));
        s.put("--schedule", schedule.describe());
        s.put("java", forks.java() + " " + System.getProperty("java.version"));
        s.put("forks", String.format(Locale.ROOT, "-wi %d -w %s -i %d -r %s %s", forks.warmupIterations(), forks.warmupTime(),
                forks.iterations(), forks.time(), String.join(" ", preset.paramArgs())));
        return s;
    }

    /**
     * Runs the checks missing from {@code record}, in the alternating order, until all {@code --trials}
     * are there or {@code --max-checks}/{@code --until} says stop; each is added to the record and
     * trials.md rewritten as soon as it ends.
     */
    int trials(TrialRecord record, SortedMap<String, String> settings, Map<String, String[]> shas, CheckRunner runner) throws IOException {
        List<String[]> missing = new ArrayList<>();
        for (int t = 1; t <= trials; t++) {
            // Alternating, so a machine that gets busier over the hours affects both kinds of check alike.
            for (String kind : abOnly ? List.of(TrialRecord.A_B) : List.of(TrialRecord.A_B, TrialRecord.A_A)) {
                if (!record.has(kind, t)) {
                    missing.add(new String[] {kind, Integer.toString(t)});
                }
            }
        }
        if (missing.isEmpty()) {
            progress.printf(Locale.ROOT, "[trials] the record in %s has all %d checks: nothing left to run%n", out, record.checks().size());
        }
        Instant deadline = until == null ? null : deadline(clock.instant(), until);
        int ran = 0;
        for (String[] next : missing) {
            String name = next[0] + " " + next[1];
            if (maxChecks > 0 && ran >= maxChecks) {
                progress.printf(Locale.ROOT, "[trials] stopping before %s: --max-checks %d reached; %d check(s) left, the same command continues%n",
                        name, maxChecks, missing.size() - ran);
                break;
            }
            Duration expected = expected(record);
            if (deadline != null && clock.instant().plus(expected).isAfter(deadline)) {
                progress.printf(Locale.ROOT, "[trials] stopping before %s: a check may take %d min and --until %s UTC is nearer; %d check(s) left,"
                        + " the same command continues%n", name, expected.toMinutes(), until, missing.size() - ran);
                break;
            }
            progress.printf(Locale.ROOT, "[trials] %s starts (%d of %d in the record)%n", name, record.checks().size() + 1,
                    trials * (abOnly ? 1 : 2));
            progress.flush();
            record = check(record, next[0], Integer.parseInt(next[1]), settings, shas.get(next[0]), runner);
            ran++;
        }
        String summary = TrialsSummary.render(record, title(), abOnly);
        CheckOutputs.write(out.resolve("trials.md"), summary, "the trials' summary");
        stdout.println(summary);
        stdout.flush();
        return 0;
    }

    private TrialRecord check(TrialRecord record, String kind, int index, SortedMap<String, String> settings, String[] shas,
                              CheckRunner runner) throws IOException {
        Instant started = clock.instant();
        double loadAtStart = load.getAsDouble();
        SequentialReport report = runner.run(kind, index);
        double loadAtEnd = load.getAsDouble();
        Instant finished = clock.instant();
        // The check's own report first, then the record: a kill between the two leaves a report the redone check replaces.
        String file = String.format(Locale.ROOT, "trial-%02d-%s", index, kind.replace("/", ""));
        CheckOutputs.write(out.resolve(file + ".json"), CheckOutputs.toJson(report), "the check's report");
        CheckOutputs.write(out.resolve(file + ".md"), SequentialMarkdown.render(report), "the check's report");
        SequentialReport.Case target = report.cases().stream()
                .filter(c -> c.key().benchmark().equals(Preset.INJECTION_TARGET) && c.metric().equals(SequentialCheck.TIME))
                .findFirst().orElseThrow(() -> new BadInputException("the preset " + preset.name() + " does not measure "
                        + Preset.INJECTION_TARGET + ": the injected slowdown would not be seen"));
        List<CaseVerdict> cases = report.cases().stream().map(c -> new CaseVerdict(c.key().label(), c.metric(), c.verdict())).toList();
        Check entry = new Check(kind, index, started.truncatedTo(ChronoUnit.SECONDS).toString(), finished.truncatedTo(ChronoUnit.SECONDS).toString(),
                report.minutes(), loadAtStart, loadAtEnd, report.verdict(), target.verdict() == Verdict.REGRESSION, report.pairsRun(), cases,
                settings, shas[0], shas[1]);
        TrialRecord next = record.append(out, entry);
        CheckOutputs.write(out.resolve("trials.md"), TrialsSummary.render(next, title(), abOnly), "the trials' summary");
        long decided = cases.stream().filter(CaseVerdict::decided).count();
        progress.printf(Locale.ROOT, "[trials] %s: check %s, %s %s, %d of %d cases decided, %d pairs, %.1f min, load %.1f -> %.1f%n",
                entry.name(), report.verdict(), target.key().label(), target.verdict(), decided, cases.size(), report.pairsRun(),
                report.minutes(), loadAtStart, loadAtEnd);
        return next;
    }

    /** How long the next check may take: the budget, or the longest check so far when one overran it (its last pair). */
    private Duration expected(TrialRecord record) {
        double longest = record.checks().stream().mapToDouble(Check::minutes).max().orElse(0);
        Duration seen = Duration.ofSeconds((long) Math.ceil(longest * 60));
        return seen.compareTo(budget) > 0 ? seen : budget;
    }

    /** The next {@code until} UTC at or after {@code now}: 01:00 given at 23:00 means tomorrow's. */
    static Instant deadline(Instant now, LocalTime until) {
        ZonedDateTime today = now.atZone(ZoneOffset.UTC).with(until).truncatedTo(ChronoUnit.MINUTES);
        return today.toInstant().isBefore(now) ? today.plusDays(1).toInstant() : today.toInstant();
    }

    private String title() {
        return String.format(Locale.ROOT, "## compare trials, preset %s: +%.0f%% injected into %s", preset.name(), slowdown * 100,
                Preset.INJECTION_TARGET);
    }
}
