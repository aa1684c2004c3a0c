package dev.dbbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.results.RunDurations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;

/**
 * The time estimate replayed on a recorded run's timings (the curated quick run, see the fixture's
 * header for how its per-combination times were derived) with a fake clock: from the first third of
 * the run on, elapsed + left is within 20% of the run's real length, whatever the estimate starts
 * from. Nothing here is timed.
 */
class EstimateTest {
    private static final String FIXTURE = "/estimate/2026-11-25T063035Z-quick.tsv";
    private static final double TOLERANCE = 0.20;

    private record Recorded(Plan.Item item, double seconds) {}

    @Test
    void fromTheSettingsAloneTheEstimateHoldsFromTheFirstThirdOn() throws IOException {
        List<Recorded> run = fixture();
        Estimate estimate = new Estimate(plan(run), List.of(), "the previous run", 1);
        assertEquals("from the settings", estimate.source());
        replayOneAtATime(run, estimate, TOLERANCE);
    }

    @Test
    void aPreviousRunOnASlowerDayIsCorrectedByWhatThisRunMeasures() throws IOException {
        List<Recorded> run = fixture();
        // The previous run took 40% longer, and each combination differed by up to 25% besides.
        Estimate estimate = new Estimate(plan(run), previous(run, run.size(), 1.4, 0.25), "the previous run", 1);
        assertEquals("from the previous run", estimate.source());
        replayOneAtATime(run, estimate);
    }

    @Test
    void aPreviousRunOnALikeDayGivesThePlannedTotalWithinTheTolerance() throws IOException {
        List<Recorded> run = fixture();
        Estimate estimate = new Estimate(plan(run), previous(run, run.size(), 1.0, 0.25), "the previous run", 1);
        double actual = run.stream().mapToDouble(Recorded::seconds).sum();
        assertWithin(actual, estimate.total(), "the planned total");
        replayOneAtATime(run, estimate);
    }

    @Test
    void combinationsTheLastRunDidNotHaveArePredictedFromTheSettings() throws IOException {
        List<Recorded> run = fixture();
        // The previous run had four in five of this run's combinations (the others are new since).
        List<RunDurations.Entry> previous = new ArrayList<>(previous(run, run.size(), 1.2, 0.25));
        for (int i = previous.size() - 1; i >= 0; i -= 5) {
            previous.remove(i);
        }
        Estimate estimate = new Estimate(plan(run), previous, "the previous run", 1);
        assertTrue(estimate.source().startsWith("from the previous run (" + previous.size() + " of " + run.size()), estimate.source());
        replayOneAtATime(run, estimate);
    }

    @Test
    void sideBySideTheLanesShareTheRemainingWork() throws IOException {
        List<Recorded> run = fixture();
        replayInLanes(run, new Estimate(plan(run), previous(run, run.size(), 1.3, 0.25), "the previous run", 2), 2, TOLERANCE);
        replayInLanes(run, new Estimate(plan(run), List.of(), "the previous run", 2), 2, TOLERANCE);
    }

    @Test
    void theRecordedDurationsAreWhatTheReplayTook() throws IOException {
        List<Recorded> run = fixture().subList(0, 5);
        Estimate estimate = new Estimate(plan(run), List.of(), "the previous run", 1);
        double now = 0;
        for (Recorded r : run) {
            estimate.started(r.item().key(), now);
            now += r.seconds();
            estimate.finished(r.item().key(), now, true);
        }
        List<RunDurations.Entry> durations = estimate.durations();
        assertEquals(5, durations.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(run.get(i).item().benchmark(), durations.get(i).benchmark());
            assertEquals(run.get(i).seconds(), durations.get(i).seconds(), 1e-9);
        }
    }

    @Test
    void aShotGrowsWithTheSizeAsTheMeasuredSizesShow() {
        Plan.Item small = new Plan.Item("x.Walk.offset", Mode.SingleShotTime, Map.of("rows", "1000"), 1, 3, 0);
        Plan.Item medium = new Plan.Item("x.Walk.offset", Mode.SingleShotTime, Map.of("rows", "10000"), 1, 3, 0);
        Plan.Item large = new Plan.Item("x.Walk.offset", Mode.SingleShotTime, Map.of("rows", "100000"), 1, 3, 0);
        Estimate estimate = new Estimate(new Plan(List.of(small, medium, large)), List.of(), "the previous run", 1);
        // Shots of 1 s and 100 s at 1,000 and 10,000 rows: the square, so 10,000 s at 100,000 rows.
        estimate.started(small.key(), 0);
        estimate.finished(small.key(), Plan.FORK_OVERHEAD_SECONDS + 3 * 1.0, true);
        estimate.started(medium.key(), 10);
        estimate.finished(medium.key(), 10 + Plan.FORK_OVERHEAD_SECONDS + 3 * 100.0, true);
        assertEquals(Plan.FORK_OVERHEAD_SECONDS + 3 * 10_000.0, estimate.predicted(2), 1e-6);
    }

    /** Runs the combinations one after the other, checking elapsed + left at every start and end from the first third on. */
    private static void replayOneAtATime(List<Recorded> run, Estimate estimate) {
        replayOneAtATime(run, estimate, TOLERANCE);
    }

    private static void replayOneAtATime(List<Recorded> run, Estimate estimate, double tolerance) {
        double actual = run.stream().mapToDouble(Recorded::seconds).sum();
        double now = 0;
        for (Recorded r : run) {
            estimate.started(r.item().key(), now);
            check(estimate, now, actual, tolerance);
            now += r.seconds();
            estimate.finished(r.item().key(), now, true);
            check(estimate, now, actual, tolerance);
        }
        assertEquals(0, estimate.left(now), 1e-9);
    }

    /**
     * Runs each benchmark's combinations in the next free lane, the way {@link ParallelRun} takes
     * them from its queue, with events in time order across the lanes.
     */
    private static void replayInLanes(List<Recorded> run, Estimate estimate, int lanes, double tolerance) {
        Map<String, List<Recorded>> byBenchmark = new LinkedHashMap<>();
        run.forEach(r -> byBenchmark.computeIfAbsent(r.item().benchmark(), k -> new ArrayList<>()).add(r));
        // Single-shot benchmarks first, as ParallelRun queues them.
        List<List<Recorded>> queue = new ArrayList<>(byBenchmark.values().stream().filter(b -> b.get(0).item().mode() == Mode.SingleShotTime).toList());
        byBenchmark.values().stream().filter(b -> b.get(0).item().mode() != Mode.SingleShotTime).forEach(queue::add);
        // {time, lane}: when each lane is next free.
        PriorityQueue<double[]> free = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        for (int lane = 0; lane < lanes; lane++) {
            free.add(new double[] {0, lane});
        }
        // First the whole schedule, to know the real length; then the replay of its events in time order.
        record Event(double time, boolean start, Plan.Item item) {}
        List<Event> events = new ArrayList<>();
        double actual = 0;
        for (List<Recorded> benchmark : queue) {
            double[] lane = free.poll();
            double t = lane[0];
            for (Recorded r : benchmark) {
                events.add(new Event(t, true, r.item()));
                t += r.seconds();
                events.add(new Event(t, false, r.item()));
            }
            actual = Math.max(actual, t);
            free.add(new double[] {t, lane[1]});
        }
        events.sort((a, b) -> a.time() != b.time() ? Double.compare(a.time(), b.time()) : Boolean.compare(a.start(), b.start()));
        for (Event e : events) {
            if (e.start()) {
                estimate.started(e.item().key(), e.time());
            } else {
                estimate.finished(e.item().key(), e.time(), true);
            }
            check(estimate, e.time(), actual, tolerance);
        }
    }

    private static void check(Estimate estimate, double now, double actual, double tolerance) {
        if (now >= actual / 3) {
            assertWithin(actual, now + estimate.left(now), String.format(Locale.ROOT, "elapsed + left at %.0f s", now), tolerance);
        }
    }

    private static void assertWithin(double actual, double estimated, String what) {
        assertWithin(actual, estimated, what, TOLERANCE);
    }

    private static void assertWithin(double actual, double estimated, String what, double tolerance) {
        assertTrue(Math.abs(estimated - actual) <= tolerance * actual, String.format(Locale.ROOT,
                "%s: %.0f s, the run took %.0f s (off by %.0f%%, at most %.0f%% allowed)", what, estimated, actual,
                100 * Math.abs(estimated - actual) / actual, 100 * tolerance));
    }

    /** The first {@code count} combinations' recorded times, scaled by {@code day} and each off by up to {@code noise}, seeded. */
    private static List<RunDurations.Entry> previous(List<Recorded> run, int count, double day, double noise) {
        Random random = new Random(13);
        return run.subList(0, count).stream().map(r -> new RunDurations.Entry(r.item().benchmark(), r.item().mode().shortLabel(), r.item().params(),
                r.seconds() * day * (1 + noise * (2 * random.nextDouble() - 1)))).toList();
    }

    private static Plan plan(List<Recorded> run) {
        return new Plan(run.stream().map(Recorded::item).toList());
    }

    private static List<Recorded> fixture() throws IOException {
        List<Recorded> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(EstimateTest.class.getResourceAsStream(FIXTURE)),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Map<String, String> params = new LinkedHashMap<>();
                if (!f[2].isEmpty()) {
                    for (String kv : f[2].split(",")) {
                        params.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                    }
                }
                Plan.Item item = new Plan.Item(f[0], Mode.deepValueOf(f[1]), Map.copyOf(params), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                        Double.parseDouble(f[5]));
                out.add(new Recorded(item, Double.parseDouble(f[6])));
            }
        }
        assertEquals(234, out.size(), "the fixture's combinations");
        return out;
    }
}
