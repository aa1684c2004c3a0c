package dev.dbbench.regress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the two forks of a pair share the machine.
 *
 * <p>{@code INTERLEAVED}: one after the other, A B then B A. What the machine does in the minute
 * between them (a neighbour on the host, a slower core) lands on one side of the pair only.
 *
 * <p>{@code DUET}: both at once, each pinned with all its children (its JMH fork, its embedded
 * PostgreSQL) to a CPU of its own with {@code taskset}; which jar gets which CPU, and which starts
 * first, alternate from pair to pair. Whatever disturbs the machine while they run disturbs both, so
 * it cancels in their ratio, and a pair costs one fork's time instead of two. This is duet
 * benchmarking (Bulej, Horký, Tůma et al., "Duet Benchmarking: Improving Measurement Accuracy in the
 * Cloud", Empirical Software Engineering 25, 2020), which measured the same effect on cloud machines.
 * One CPU each also removes the scheduler's moving of a fork and its database between the cores,
 * which made {@code SELECT 1} bimodal here (docs/compare-trials.md). The forks share caches, memory
 * and the disk, alike for both sides on average.
 */
public record PairSchedule(Kind kind, List<Integer> cpus) {
    public enum Kind { INTERLEAVED, DUET }

    /** The values of {@code --schedule}. */
    public static final List<String> CHOICES = List.of("auto", "duet", "interleaved");

    public PairSchedule {
        cpus = List.copyOf(cpus);
        if (kind == Kind.DUET && cpus.size() != 2) {
            throw new IllegalArgumentException("a duet needs two CPUs, got " + cpus);
        }
    }

    public static PairSchedule interleaved() {
        return new PairSchedule(Kind.INTERLEAVED, List.of());
    }

    /**
     * The schedule {@code --schedule} asks for: {@code auto} is a duet where this machine allows one
     * ({@code taskset} on the PATH and at least two CPUs this process may use) and interleaved
     * otherwise; {@code duet} where it cannot run is bad input.
     */
    public static PairSchedule of(String asked, String path, Path procStatus) {
        String a = asked == null ? "auto" : asked.trim().toLowerCase(Locale.ROOT);
        if (!CHOICES.contains(a)) {
            throw new BadInputException("--schedule \"" + asked + "\" is not a schedule: give one of " + CHOICES);
        }
        if (a.equals("interleaved")) {
            return interleaved();
        }
        String missing = null;
        List<Integer> allowed = allowedCpus(procStatus);
        if (findOnPath("taskset", path) == null) {
            missing = "taskset (util-linux) is not on the PATH";
        } else if (allowed.size() < 2) {
            missing = "this process may use " + (allowed.isEmpty() ? "an unknown number of CPUs" : "only CPU " + allowed)
                    + " (Cpus_allowed_list in " + procStatus + ")";
        }
        if (missing == null) {
            return new PairSchedule(Kind.DUET, allowed.subList(0, 2));
        }
        if (a.equals("duet")) {
            throw new BadInputException("--schedule duet cannot run here: " + missing
                    + "; install util-linux and give the job two CPUs, or use --schedule interleaved");
        }
        return interleaved();
    }

    /** The schedule this machine gives for {@code asked}. */
    public static PairSchedule detect(String asked) {
        return of(asked, System.getenv("PATH"), Path.of("/proc/self/status"));
    }

    /**
     * The CPU of the {@code index}-th pair's base fork (its head fork gets the other): they swap every
     * pair, so a faster CPU favours neither jar.
     */
    int cpu(int index, boolean baseSide) {
        boolean first = (index % 2 == 0) == baseSide;
        return cpus.get(first ? 0 : 1);
    }

    public String describe() {
        return kind == Kind.DUET
                ? "duet: base and head forks at once, each pinned to one of CPUs " + cpus + ", swapped every pair"
                : "interleaved: base and head forks one after the other, A B then B A";
    }

    /** The CPUs this process may run on, from the kernel's {@code Cpus_allowed_list} (e.g. "0-3,6"); empty when unknown. */
    static List<Integer> allowedCpus(Path procStatus) {
        try {
            for (String line : Files.readAllLines(procStatus)) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return parseCpuList(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: no duet, the interleaved schedule runs anywhere.
        }
        return List.of();
    }

    static List<Integer> parseCpuList(String text) {
        List<Integer> cpus = new ArrayList<>();
        Matcher m = Pattern.compile("(\\d+)(?:-(\\d+))?").matcher("");
        for (String part : text.split(",")) {
            if (!m.reset(part.trim()).matches()) {
                return List.of();
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            for (int c = from; c <= to && cpus.size() < 1024; c++) {
                cpus.add(c);
            }
        }
        return cpus;
    }

    static Path findOnPath(String program, String path) {
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, program);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }
}
