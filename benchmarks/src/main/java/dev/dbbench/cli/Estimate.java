package dev.dbbench.cli;

import dev.dbbench.results.RunDurations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.openjdk.jmh.annotations.Mode;

/**
 * How long a run will take, and how long is left: each combination's wall time predicted from what
 * the run can know, best source first.
 *
 * <ol>
 *   <li>The previous run's recorded wall time of the same combination ({@code durations.json}),
 *       per fork times the forks planned (a round runs part of a combination's forks), times the ratio actual/recorded of the combinations finished so far: a slower machine day
 *       (another load, a colder cache) shows in the first few and is carried to the rest.</li>
 *   <li>Otherwise the combination's settings: forks x (fork start-up + the timed iterations), the
 *       start-up being what the finished forks of the same class took beyond their iterations (the
 *       trial set-up of a 1,000,000-row fixture is part of it), of any class when none finished yet,
 *       else {@link Plan#FORK_OVERHEAD_SECONDS}. A single-shot combination's shots are as long as
 *       the shots measured so far of the same method at other parameters (else the same class,
 *       else any), scaled by the numeric parameters' product (the row count): with the power that
 *       two or more measured sizes show (an OFFSET walk grows with the square), else in proportion.</li>
 * </ol>
 *
 * <p>Combinations side by side ({@code --parallel}) share the remaining work between the lanes.
 * Not thread-safe: {@link Progress} serialises the calls. Times are seconds since the run began,
 * passed in, so a test replays a run without a clock.
 */
final class Estimate {
    /**
     * A single-shot benchmark's shot before any shot of the run was measured: the mean shot of the
     * curated quick run of 2026-11-25 (336 shots, 1.56 s; a shot is a whole task here, 1,000 to
     * 1,000,000 rows inserted or walked). Replaced by the run's own shots as soon as one finished.
     */
    static final double FIRST_SHOT_SECONDS = 1.5;
    private static final double MAX_POWER = 2.0;

    private final List<Plan.Item> items;
    private final int lanes;
    private final double[] previous;
    private final double[] startedAt;
    private final double[] took;
    private final boolean[] learnable;
    private final int fromPrevious;
    private final String previousName;
    /** What was learned from the finished combinations, by class: forgotten when another finishes. */
    private final Map<String, Double> forkStarts = new HashMap<>();

    /** {@code previousName} says which run {@code previousRun} is, for the line that announces the plan. */
    Estimate(Plan plan, List<RunDurations.Entry> previousRun, String previousName, int lanes) {
        this.previousName = previousName;
        this.items = plan.items();
        this.lanes = Math.max(1, lanes);
        int n = items.size();
        previous = new double[n];
        startedAt = new double[n];
        took = new double[n];
        learnable = new boolean[n];
        Arrays.fill(previous, Double.NaN);
        Arrays.fill(startedAt, Double.NaN);
        Arrays.fill(took, Double.NaN);
        /*
         * A combination may have been recorded more than once (a pass per round trip, a part per
         * round): seconds per fork over them all, times this part's forks. An entry that did not
         * record its forks is taken to have run as many as this part.
         */
        Map<String, List<RunDurations.Entry>> recorded = new HashMap<>();
        for (RunDurations.Entry e : previousRun) {
            recorded.computeIfAbsent(Plan.Item.key(e.benchmark(), e.mode(), e.params()), k -> new ArrayList<>()).add(e);
        }
        int known = 0;
        for (int i = 0; i < n; i++) {
            List<RunDurations.Entry> entries = recorded.get(items.get(i).key());
            if (entries != null) {
                int forks = Math.max(1, items.get(i).forks());
                double seconds = entries.stream().mapToDouble(RunDurations.Entry::seconds).sum();
                double forksRecorded = entries.stream().mapToInt(e -> e.forks() > 0 ? e.forks() : forks).sum();
                previous[i] = seconds / forksRecorded * forks;
                known++;
            }
        }
        fromPrevious = known;
    }

    /** Where the estimate comes from, for the line that announces the plan. */
    String source() {
        if (fromPrevious == 0) {
            return "from the settings";
        }
        if (fromPrevious == items.size()) {
            return "from " + previousName;
        }
        return "from " + previousName + " (" + fromPrevious + " of " + items.size() + " combinations) and the settings";
    }

    /** Counts the next not yet started combination with this key as started at {@code now}; its index, or -1 if none is planned. */
    int started(String key, double now) {
        int i = first(j -> Double.isNaN(startedAt[j]) && items.get(j).key().equals(key));
        if (i >= 0) {
            startedAt[i] = now;
        }
        return i;
    }

    /**
     * Counts the earliest running combination with this key as done at {@code now}. A failed one
     * ({@code measured} false) counts its time as spent but teaches nothing about the others.
     *
     * @return the seconds it took, or NaN if no such combination was running
     */
    double finished(String key, double now, boolean measured) {
        int i = first(j -> !Double.isNaN(startedAt[j]) && Double.isNaN(took[j]) && items.get(j).key().equals(key));
        if (i < 0) {
            return Double.NaN;
        }
        took[i] = Math.max(0, now - startedAt[i]);
        learnable[i] = measured;
        forkStarts.clear();
        return took[i];
    }

    /** Seconds left at {@code now}: the predictions of what did not start, and of what runs less its time so far. */
    double left(double now) {
        double work = 0;
        double longestRunning = 0;
        for (int i = 0; i < items.size(); i++) {
            if (!Double.isNaN(took[i])) {
                continue;
            }
            double p = predicted(i);
            if (Double.isNaN(startedAt[i])) {
                work += p;
            } else {
                double rest = Math.max(0, p - (now - startedAt[i]));
                work += rest;
                longestRunning = Math.max(longestRunning, rest);
            }
        }
        // Side by side the lanes share the work, but a running combination cannot be shared.
        return Math.max(work / lanes, longestRunning);
    }

    /** The whole run's predicted length before it starts. */
    double total() {
        return left(0);
    }

    /** What combination {@code i}, not finished, is expected to take in all. */
    double predicted(int i) {
        if (!Double.isNaN(previous[i])) {
            return previous[i] * dayRatio();
        }
        Plan.Item item = items.get(i);
        double perFork = forkStart(item) + (item.mode() == Mode.SingleShotTime ? item.iterations() * shot(item) : item.iterationSeconds());
        return item.forks() * perFork;
    }

    /** Actual over recorded for the finished combinations the previous run also ran: how this run's speed compares. */
    private double dayRatio() {
        double actual = 0;
        double recorded = 0;
        for (int i = 0; i < items.size(); i++) {
            if (learnable[i] && !Double.isNaN(previous[i])) {
                actual += took[i];
                recorded += previous[i];
            }
        }
        return recorded > 0 && actual > 0 ? actual / recorded : 1.0;
    }

    /** A fork's time beyond its timed iterations (JVM start, trial set-up), as measured on the finished timed combinations. */
    private double forkStart(Plan.Item item) {
        return forkStarts.computeIfAbsent(className(item), this::learnForkStart);
    }

    private double learnForkStart(String cls) {
        double sameClass = meanForkStart(j -> className(items.get(j)).equals(cls));
        if (!Double.isNaN(sameClass)) {
            return sameClass;
        }
        double any = meanForkStart(j -> true);
        return Double.isNaN(any) ? Plan.FORK_OVERHEAD_SECONDS : any;
    }

    private double meanForkStart(IntPredicate which) {
        double sum = 0;
        int count = 0;
        for (int j = 0; j < items.size(); j++) {
            Plan.Item it = items.get(j);
            if (learnable[j] && it.mode() != Mode.SingleShotTime && which.test(j)) {
                sum += Math.max(0, took[j] / it.forks() - it.iterationSeconds());
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * One shot of a single-shot combination. The same method's shots at other sizes say how long
     * (scaled by size); another method's say little, as the variants a benchmark compares differ by
     * orders of magnitude on purpose (COPY against a commit per row), so an unseen method's shot is
     * the mean of its class's shots measured so far with the first guess counted as one of them: a
     * mean, as what matters is the sum of what is left; its class's, as other classes' tasks (a
     * 1,000,000-row walk, a 10,000-row insert) are of other sizes.
     */
    private double shot(Plan.Item item) {
        List<double[]> seen = shots(j -> items.get(j).benchmark().equals(item.benchmark()));
        if (seen.isEmpty()) {
            String cls = className(item);
            List<double[]> sameClass = shots(j -> className(items.get(j)).equals(cls));
            return (FIRST_SHOT_SECONDS + sameClass.stream().mapToDouble(s -> s[1]).sum()) / (1 + sameClass.size());
        }
        double size = size(item);
        double power = power(seen.stream().filter(s -> s[2] == 1).toList());
        double[] nearest = seen.get(0);
        for (double[] s : seen) {
            if (Math.abs(Math.log(s[0] / size)) <= Math.abs(Math.log(nearest[0] / size))) {
                nearest = s;
            }
        }
        return nearest[1] * Math.pow(size / nearest[0], power);
    }

    /** {size, seconds per shot, 1 if the shots outweigh the fork's start-up} of the finished single-shot combinations chosen. */
    private List<double[]> shots(IntPredicate which) {
        List<double[]> out = new ArrayList<>();
        for (int j = 0; j < items.size(); j++) {
            Plan.Item it = items.get(j);
            if (learnable[j] && it.mode() == Mode.SingleShotTime && it.iterations() > 0 && which.test(j)) {
                double start = forkStart(it);
                double shots = Math.max(0, took[j] / it.forks() - start);
                // Shots shorter than the fork's start-up are mostly that start-up's noise: kept for the time, not for the growth.
                out.add(new double[] {size(it), Math.max(shots / it.iterations(), 1e-6), shots >= start ? 1 : 0});
            }
        }
        return out;
    }

    /** How shot time grows with size: the log-log slope through the sizes seen, in proportion when only one size was. */
    private static double power(List<double[]> seen) {
        if (seen.isEmpty()) {
            return 1.0;
        }
        double n = seen.size();
        double mx = seen.stream().mapToDouble(s -> Math.log(s[0])).sum() / n;
        double my = seen.stream().mapToDouble(s -> Math.log(s[1])).sum() / n;
        double sxx = 0;
        double sxy = 0;
        for (double[] s : seen) {
            sxx += (Math.log(s[0]) - mx) * (Math.log(s[0]) - mx);
            sxy += (Math.log(s[0]) - mx) * (Math.log(s[1]) - my);
        }
        return sxx < 1e-9 ? 1.0 : Math.max(0, Math.min(MAX_POWER, sxy / sxx));
    }

    /** The product of the numeric parameters (row counts, batch sizes): 1 when there are none. */
    static double size(Plan.Item item) {
        double size = 1;
        for (String v : item.params().values()) {
            try {
                double d = Double.parseDouble(v);
                if (d > 0) {
                    size *= d;
                }
            } catch (NumberFormatException e) {
                // Not a size (a pool kind, a request type): does not scale the time.
            }
        }
        return size;
    }

    /** Each finished combination's wall time, for the run's {@code durations.json}. */
    List<RunDurations.Entry> durations() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!Double.isNaN(took[i])) {
                order.add(i);
            }
        }
        order.sort((a, b) -> Double.compare(startedAt[a] + took[a], startedAt[b] + took[b]));
        return order.stream().map(i -> {
            Plan.Item it = items.get(i);
            return new RunDurations.Entry(it.benchmark(), it.mode().shortLabel(), it.params(), took[i], it.forks());
        }).toList();
    }

    private int first(IntPredicate which) {
        for (int j = 0; j < items.size(); j++) {
            if (which.test(j)) {
                return j;
            }
        }
        return -1;
    }

    private static String className(Plan.Item item) {
        int dot = item.benchmark().lastIndexOf('.');
        return dot < 0 ? item.benchmark() : item.benchmark().substring(0, dot);
    }
}
