package dev.dbbench.regress;

import dev.dbbench.bench.postgres.orm.InjectedSlowdown;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code CompareTrials --preset NAME}: detection and false-alarm rates of the sequential check on a
 * preset's real database benchmarks. From one jar it makes a base copy, an identical copy and a copy
 * carrying the test-only {@link InjectedSlowdown} resource (each call of {@link Preset#INJECTION_TARGET}
 * then costs {@code 1 + slowdown} times its own time), and alternates A/B checks (base vs slower) and
 * A/A checks (base vs identical), each a complete check within the budget.
 */
final class SequentialTrials {
    private final Path jar;
    private final Preset preset;
    private final Duration budget;
    private final int trials;
    private final double slowdown;
    private final boolean abOnly;
    private final List<String> jvmArgs;
    private final Path out;

    SequentialTrials(Path jar, Preset preset, Duration budget, int trials, double slowdown, boolean abOnly, List<String> jvmArgs, Path out) {
        if (!(slowdown > 0 && slowdown <= 1)) {
            throw new BadInputException("--slowdown " + slowdown + " must be above 0 and at most 1, e.g. 0.10");
        }
        this.jar = jar;
        this.preset = preset;
        this.budget = budget != null ? budget : preset.budget();
        this.trials = trials;
        this.slowdown = slowdown;
        this.abOnly = abOnly;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.out = out;
    }

    private record Trial(int number, String kind, Verdict overall, Verdict target, long otherRegressions, long decided, long cases,
                         int pairs, double minutes, double estimate) {}

    int run() throws IOException {
        PrintWriter progress = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Files.createDirectories(out);
        Path base = Files.copy(jar, out.resolve("base.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path same = Files.copy(jar, out.resolve("same.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path slower = Files.copy(jar, out.resolve("slower.jar"), StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(slower)) {
            Path resource = zip.getPath(InjectedSlowdown.RESOURCE);
            Files.createDirectories(resource.getParent());
            Files.writeString(resource, String.format(Locale.ROOT, "fraction=%s%n", slowdown));
        }
        ForkSettings forks = new ForkSettings(ForkSettings.currentJava(), jvmArgs, preset.warmupIterations(), preset.iterations(),
                preset.warmupTime(), preset.time());
        DbbenchJar baseJar = DbbenchJar.open(base, "base");
        DbbenchJar sameJar = DbbenchJar.open(same, "same");
        DbbenchJar slowerJar = DbbenchJar.open(slower, "slower");
        List<Trial> results = new ArrayList<>();
        for (int t = 1; t <= trials; t++) {
            // Alternating, so a machine that gets busier over the hours affects both kinds of trial alike.
            results.add(trial(t, "A/B", baseJar, slowerJar, forks, progress));
            if (!abOnly) {
                results.add(trial(t, "A/A", baseJar, sameJar, forks, progress));
            }
            CheckOutputs.write(out.resolve("trials.md"), summary(results), "the trials' summary");
        }
        System.out.println(summary(results));
        return 0;
    }

    private Trial trial(int number, String kind, DbbenchJar a, DbbenchJar b, ForkSettings forks, PrintWriter progress) throws IOException {
        SequentialReport report;
        try (WorkFolder work = WorkFolder.temporaryIn(out)) {
            report = new SequentialCheck(a, b, preset.selection(), preset.name(), preset.paramArgs(), preset.plan(), budget,
                    0.05, 0.05, 0.05, 0.03, forks, work, progress).run();
        }
        String name = String.format(Locale.ROOT, "trial-%02d-%s", number, kind.replace("/", ""));
        CheckOutputs.write(out.resolve(name + ".json"), CheckOutputs.toJson(report), "the trial's report");
        CheckOutputs.write(out.resolve(name + ".md"), SequentialMarkdown.render(report), "the trial's report");
        SequentialReport.Case target = report.cases().stream()
                .filter(c -> c.key().benchmark().equals(Preset.INJECTION_TARGET) && c.metric().equals(SequentialCheck.TIME))
                .findFirst().orElseThrow(() -> new BadInputException("the preset " + preset.name() + " does not measure "
                        + Preset.INJECTION_TARGET + ": the injected slowdown would not be seen"));
        long others = report.cases().stream().filter(c -> c != target && c.verdict() == Verdict.REGRESSION).count();
        long decided = report.cases().stream().filter(c -> c.verdict() == Verdict.REGRESSION || c.verdict() == Verdict.NO_CHANGE
                || c.verdict() == Verdict.IMPROVEMENT).count();
        double estimate = target.looks().isEmpty() ? Double.NaN : target.looks().get(target.looks().size() - 1).estimate();
        Trial trial = new Trial(number, kind, report.verdict(), target.verdict(), others, decided, report.cases().size(), report.pairsRun(),
                report.minutes(), estimate);
        progress.printf(Locale.ROOT, "[trials] %s trial %d: check %s, %s %s (%s), %d of %d cases decided, %d pairs, %.1f min%n", kind,
                number, report.verdict(), target.key().label(), target.verdict(), Double.isNaN(estimate) ? "no look" : Markdown.change(estimate),
                decided, report.cases().size(), report.pairsRun(), report.minutes());
        return trial;
    }

    private String summary(List<Trial> results) {
        List<Trial> ab = results.stream().filter(t -> t.kind().equals("A/B")).toList();
        List<Trial> aa = results.stream().filter(t -> t.kind().equals("A/A")).toList();
        long detected = ab.stream().filter(t -> t.target() == Verdict.REGRESSION).count();
        long falseAlarms = aa.stream().filter(t -> t.overall() == Verdict.REGRESSION).count();
        long decided = results.stream().mapToLong(Trial::decided).sum();
        long cases = results.stream().mapToLong(Trial::cases).sum();
        long others = results.stream().mapToLong(Trial::otherRegressions).sum();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## compare trials, preset %s: +%.0f%% injected into %s%n%n", preset.name(), slowdown * 100,
                Preset.INJECTION_TARGET));
        md.append(String.format(Locale.ROOT, "Budget %d min per check; `-wi %d -w %s -i %d -r %s` %s; JVM flags %s.%n%n",
                budget.toMinutes(), preset.warmupIterations(), preset.warmupTime(), preset.iterations(), preset.time(),
                String.join(" ", preset.paramArgs()), jvmArgs));
        md.append(String.format(Locale.ROOT, "- injected slowdown flagged REGRESSION: **%d of %d** A/B checks%n", detected, ab.size()));
        md.append(String.format(Locale.ROOT, "- false alarms (check REGRESSION): **%d of %d** A/A checks%n", falseAlarms, aa.size()));
        md.append(String.format(Locale.ROOT, "- other cases flagged REGRESSION (A/B and A/A): %d%n", others));
        md.append(String.format(Locale.ROOT, "- per-case verdicts decided (REGRESSION, NO_CHANGE or IMPROVEMENT): **%d of %d** (%.0f%%)%n",
                decided, cases, cases == 0 ? 0 : 100.0 * decided / cases));
        md.append(String.format(Locale.ROOT, "- one check took %.1f to %.1f min%n%n",
                results.stream().mapToDouble(Trial::minutes).min().orElse(0), results.stream().mapToDouble(Trial::minutes).max().orElse(0)));
        md.append("| trial | kind | check | injected benchmark | its change | cases decided | pairs | minutes |\n|---:|---|---|---|---:|---:|---:|---:|\n");
        for (Trial t : results) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %d of %d | %d | %.1f |%n", t.number(), t.kind(), t.overall(),
                    t.target(), Double.isNaN(t.estimate()) ? "-" : Markdown.change(t.estimate()), t.decided(), t.cases(), t.pairs(), t.minutes()));
        }
        return md.toString();
    }
}
