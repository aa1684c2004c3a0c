package dev.dbbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbbench.core.provision.ForkContract;
import dev.dbbench.core.provision.Scale;
import dev.dbbench.results.Failure;
import dev.dbbench.results.RunDurations;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.AverageTimeResult;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The run's forks in rounds: how the plan is split, and how each combination's rounds become one result. */
class RoundsTest {
    private static final String A = "dev.example.ABenchmark.a";
    private static final String B = "dev.example.ABenchmark.b";
    private static final String RULER = "dev.example.RulerBenchmark.ruler";

    private static Plan plan(int forks) {
        return new Plan(List.of(
                new Plan.Item(A, Mode.AverageTime, Map.of("rows", "10"), forks, 6, 3.0),
                new Plan.Item(A, Mode.AverageTime, Map.of("rows", "20"), forks, 6, 3.0),
                new Plan.Item(B, Mode.SingleShotTime, Map.of(), forks, 5, 0),
                new Plan.Item(RULER, Mode.AverageTime, Map.of(), 1, 4, 2.0)));
    }

    private static List<PgRoundTrips.Pass> passes(Plan plan) {
        return PgRoundTrips.none().passes(plan, ForkContract.none().withScale(Scale.SMOKE));
    }

    @Test
    void eachRoundRunsEveryCombinationsShareOfItsForksAndTheUndividedRunWholeInTheFirst() {
        List<Rounds.Round> rounds = Rounds.of(passes(plan(2)), 2);
        assertEquals(2, rounds.size());

        List<PgRoundTrips.Pass> first = rounds.get(0).passes();
        assertEquals(2, first.size(), "the ruler whole, then the others' first fork");
        assertEquals(List.of(RULER), benchmarks(first.get(0)));
        assertEquals(0, first.get(0).forks(), "a combination the rounds do not divide keeps its own forks");
        assertEquals(List.of(A, A, B), benchmarks(first.get(1)));
        assertEquals(1, first.get(1).forks());
        assertTrue(first.get(1).plan().items().stream().allMatch(i -> i.forks() == 1), "the plan counts the forks this round runs");

        List<PgRoundTrips.Pass> second = rounds.get(1).passes();
        assertEquals(1, second.size());
        assertEquals(List.of(A, A, B), benchmarks(second.get(0)));

        assertEquals(4, Rounds.combinations(rounds), "each combination counted once");
        assertEquals(7, Rounds.total(rounds).size(), "what progress counts: every round's part");
        assertEquals(plan(2).forksByClass(), Rounds.total(rounds).forksByClass(), "the same forks as without rounds");
    }

    @Test
    void aRoundsJmhRunIsNarrowedToItsBenchmarksWithItsForks() {
        List<Rounds.Round> rounds = Rounds.of(passes(plan(2)), 2);
        Options base = new OptionsBuilder().include("ABenchmark|RulerBenchmark").build();

        Options ruler = rounds.get(0).passes().get(0).narrow(base);
        assertFalse(ruler.getForkCount().hasValue(), "the ruler's own @Fork");
        assertTrue(excluded(ruler, A) && !excluded(ruler, RULER));

        Options split = rounds.get(1).passes().get(0).narrow(base);
        assertEquals(1, split.getForkCount().get());
        assertTrue(excluded(split, RULER) && !excluded(split, A) && !excluded(split, B));
    }

    @Test
    void moreForksAreSharedEquallyAndOneRoundChangesNothing() {
        List<Rounds.Round> rounds = Rounds.of(passes(plan(4)), 2);
        assertEquals(2, rounds.get(1).passes().get(0).forks(), "-f 4 in 2 rounds: 2 forks a round");

        List<PgRoundTrips.Pass> passes = passes(plan(2));
        List<Rounds.Round> one = Rounds.of(passes, 1);
        assertEquals(1, one.size());
        assertEquals(passes, one.get(0).passes());
        Options base = new OptionsBuilder().include("ABenchmark").build();
        assertEquals(base, one.get(0).passes().get(0).narrow(base), "without rounds the options are the run's own");
    }

    @Test
    void aCombinationsRoundsMergeIntoOneResultWithEveryForkInRoundOrder() throws Exception {
        RunResult first = result(A, Map.of("rows", "10"), 1, 10.0);
        RunResult other = result(A, Map.of("rows", "20"), 1, 30.0);
        RunResult second = result(A, Map.of("rows", "10"), 1, 12.0);
        RunResult ruler = result(RULER, Map.of(), 1, 5.0);
        // A round trip is a combination of its own: its rounds merge with each other, not with the direct ones.
        RunResult relayed1 = PgRoundTrips.withParam(result(A, Map.of("rows", "10"), 1, 50.0), PgRoundTrips.PARAM, "1ms");
        RunResult relayed2 = PgRoundTrips.withParam(result(A, Map.of("rows", "10"), 1, 52.0), PgRoundTrips.PARAM, "1ms");

        List<RunResult> merged = Rounds.merge(List.of(ruler, first, other, relayed1, second, relayed2));
        assertEquals(4, merged.size());
        RunResult a10 = merged.get(1);
        assertEquals(2, a10.getParams().getForks());
        assertEquals(List.of(10.0, 12.0), a10.getBenchmarkResults().stream().map(b -> b.getPrimaryResult().getScore()).toList());
        assertEquals(1, merged.get(0).getParams().getForks(), "one fork stays as it was");
        assertEquals("1ms", merged.get(3).getParams().getParam(PgRoundTrips.PARAM));
        assertEquals(List.of(50.0, 52.0), merged.get(3).getBenchmarkResults().stream().map(b -> b.getPrimaryResult().getScore()).toList());

        // JMH's own JSON, as the run folder writes it: one entry, both forks' raw data, "forks": 2.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ResultFormatFactory.getInstance(ResultFormatType.JSON, new PrintStream(bytes, true, StandardCharsets.UTF_8)).writeOut(List.of(a10));
        JsonNode json = new ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8)).get(0);
        assertEquals(2, json.get("forks").asInt());
        assertEquals(2, json.get("primaryMetric").get("rawData").size());
        assertEquals(11.0, json.get("primaryMetric").get("score").asDouble(), 1e-9);
    }

    @Test
    void aFailureSaysWhichRoundItWasInWhenThereAreSeveral() {
        Failure f = new Failure(A, "avgt", Map.of("rows", "10"), "the benchmark threw java.lang.IllegalStateException", List.of());
        assertEquals(List.of(f), new Rounds.Round(1, 1, List.of()).tag(List.of(f)));
        Failure tagged = new Rounds.Round(2, 2, List.of()).tag(List.of(f)).get(0);
        assertEquals("the benchmark threw java.lang.IllegalStateException (round 2 of 2)", tagged.reason());
        assertEquals(f.params(), tagged.params(), "still the same combination");
    }

    /** A rounds run's durations (a part per round, one fork each) plan a run without rounds, and the other way round. */
    @Test
    void durationsOfPartsAndOfWholeCombinationsPlanEachOther() {
        Plan whole = new Plan(List.of(new Plan.Item(A, Mode.AverageTime, Map.of("rows", "10"), 2, 6, 3.0)));
        List<RunDurations.Entry> parts = List.of(new RunDurations.Entry(A, "avgt", Map.of("rows", "10"), 11.0, 1),
                new RunDurations.Entry(A, "avgt", Map.of("rows", "10"), 9.0, 1));
        assertEquals(20.0, new Estimate(whole, parts, "the previous run", 1).total(), 1e-9);

        Plan part = Rounds.total(Rounds.of(passes(whole), 2));
        List<RunDurations.Entry> combination = List.of(new RunDurations.Entry(A, "avgt", Map.of("rows", "10"), 20.0, 2));
        assertEquals(20.0, new Estimate(part, combination, "the previous run", 1).total(), 1e-9, "two parts of 10 s");
    }

    private static List<String> benchmarks(PgRoundTrips.Pass pass) {
        return pass.plan().items().stream().map(Plan.Item::benchmark).toList();
    }

    private static boolean excluded(Options options, String benchmark) {
        return options.getExcludes().stream().anyMatch(x -> java.util.regex.Pattern.compile(x).matcher(benchmark).find());
    }

    /** A real JMH result of {@code forks} forks of two iterations, each operation taking {@code millis}. */
    private static RunResult result(String benchmark, Map<String, String> params, int forks, double millis) {
        WorkloadParams workload = new WorkloadParams();
        int order = 0;
        for (Map.Entry<String, String> p : new java.util.TreeMap<>(params).entrySet()) {
            workload.put(p.getKey(), p.getValue(), order++);
        }
        IterationParams warmup = new IterationParams(IterationType.WARMUP, 1, TimeValue.seconds(1), 1);
        IterationParams measurement = new IterationParams(IterationType.MEASUREMENT, 2, TimeValue.seconds(1), 1);
        BenchmarkParams bp = new BenchmarkParams(benchmark, "generated", false, 1, new int[] {1}, List.of(), forks, 0, warmup, measurement,
                Mode.AverageTime, workload, TimeUnit.MILLISECONDS, 1, "java", List.of(), "17", "OpenJDK", "17", "1.37", TimeValue.minutes(10));
        List<BenchmarkResult> out = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            List<IterationResult> iterations = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                IterationResult it = new IterationResult(bp, measurement, new IterationResultMetaData(1, 1));
                it.addResult(new AverageTimeResult(ResultRole.PRIMARY, "a", 1, (long) (millis * 1_000_000), TimeUnit.MILLISECONDS));
                iterations.add(it);
            }
            out.add(new BenchmarkResult(bp, iterations));
        }
        return new RunResult(bp, out);
    }
}
