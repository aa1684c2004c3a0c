package dev.dbbench.results;

import dev.dbbench.core.provision.Secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.AverageTimeResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;

/** What the run writes into its folder is what the report, the export and the history read back. */
class RunFolderRoundTripTest {
    private static final String BENCHMARK = "dev.dbbench.bench.sqlite.insert.SqliteInsertBenchmark.batch";

    @TempDir
    Path temp;

    @Test
    void aWrittenFolderReadsBackEqual() throws IOException {
        RunFolder folder = RunFolder.create(temp, Instant.parse("2026-12-03T11:00:00Z"));
        double[][] millis = {{1.5, 2.0, 2.5}, {3.0, 3.5, 4.0}};
        Map<String, String> params = new LinkedHashMap<>();
        params.put("rows", "1000");
        params.put("journal", "WAL");
        List<Failure> failures = List.of(
                new Failure(BENCHMARK, "avgt", Map.of("rows", "100000"), "the benchmark threw boom",
                        List.of("java.lang.IllegalStateException: boom", "\tat x.Y.z(Y.java:1)")),
                new Failure("dev.dbbench.bench.sqlite.kv.SqliteKvBenchmark.get", "thrpt", Map.of(), "not run: interrupted", List.of()));
        ObjectNode environment = new ObjectMapper().createObjectNode();
        environment.putObject("run").put("profile", "quick").put("parallel", 1);
        environment.putObject("postgres").put("version", "18.6").put("password", "hunter2");

        List<String> notWritten = new ResultsWriter(new ObjectMapper(), Secrets.of("hunter2"))
                .write(folder, List.of(runResult(params, millis)), failures, environment);
        assertEquals(List.of(), notWritten);

        RecordedRun run = RunFolder.read(folder.path());
        assertEquals(folder.name(), run.name());
        assertEquals(failures, run.failures());
        assertEquals(Map.of("run.profile", "quick", "run.parallel", "1", "postgres.version", "18.6"), run.environment());
        assertEquals(1, run.results().size());
        BenchmarkResult result = run.results().get(0);
        assertEquals(BENCHMARK, result.benchmark());
        assertEquals("avgt", result.mode());
        assertEquals(params, result.params());
        assertEquals("ms/op", result.primary().unit());
        assertEquals(new JmhSettings(2, 0, 1, "1 s", 3, "2 s", 1, 1), result.settings());
        List<List<Double>> read = result.primary().forks().stream()
                .map(fork -> fork.stream().map(Sample::total).toList()).toList();
        assertEquals(List.of(List.of(1.5, 2.0, 2.5), List.of(3.0, 3.5, 4.0)), read);
        assertEquals(2.75, result.primary().score(), 1e-9);
        assertTrue(result.primary().samples().stream().allMatch(s -> s.count() == 1 && s.histogram().isEmpty()));
    }

    /** A real JMH result: two forks of average-time iterations, each one operation taking the given milliseconds. */
    private static RunResult runResult(Map<String, String> params, double[][] millisPerFork) {
        WorkloadParams workload = new WorkloadParams();
        int order = 0;
        for (Map.Entry<String, String> p : params.entrySet()) {
            workload.put(p.getKey(), p.getValue(), order++);
        }
        IterationParams warmup = new IterationParams(IterationType.WARMUP, 1, TimeValue.seconds(1), 1);
        IterationParams measurement = new IterationParams(IterationType.MEASUREMENT, 3, TimeValue.seconds(2), 1);
        BenchmarkParams bp = new BenchmarkParams(BENCHMARK, "generated", false, 1, new int[] {1}, List.of(), 2, 0,
                warmup, measurement, Mode.AverageTime, workload, TimeUnit.MILLISECONDS, 1,
                "java", List.of(), "17", "OpenJDK", "17", "1.37", TimeValue.minutes(10));
        List<org.openjdk.jmh.results.BenchmarkResult> forks = new ArrayList<>();
        for (double[] fork : millisPerFork) {
            List<IterationResult> iterations = new ArrayList<>();
            for (double ms : fork) {
                IterationResult it = new IterationResult(bp, measurement, new IterationResultMetaData(1, 1));
                it.addResult(new AverageTimeResult(ResultRole.PRIMARY, "batch", 1, (long) (ms * 1_000_000), TimeUnit.MILLISECONDS));
                iterations.add(it);
            }
            forks.add(new org.openjdk.jmh.results.BenchmarkResult(bp, iterations));
        }
        return new RunResult(bp, forks);
    }
}
