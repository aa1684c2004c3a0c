package dev.dbbench.bench.postgres.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.bench.postgres.async.PgAsyncVsJdbcBenchmark.Request;
import dev.dbbench.core.async.InsertedMetric;
import dev.dbbench.core.async.Metric;
import dev.dbbench.core.async.MetricSample;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JDBC, async and pipelined async do the same work before any of them is timed. */
@Timeout(120)
class PgAsyncVsJdbcBenchmarkTest {

    @ParameterizedTest(name = "inFlight={0}")
    @ValueSource(ints = {1, 16, 64})
    void pointSelectsReadTheSameRows(int inFlight) throws Exception {
        withBenchmark(Request.POINT_SELECT, inFlight, (bench, variants) -> {
            List<List<Object>> firstWaves = new ArrayList<>();
            List<List<Object>> secondWaves = new ArrayList<>();
            for (Supplier<List<Object>> variant : variants) {
                bench.resetIteration();
                firstWaves.add(variant.get());
                secondWaves.add(variant.get());
            }
            List<Object> expected = LongStream.rangeClosed(1, inFlight)
                    .mapToObj(id -> Optional.of(new Metric(id, "metric_" + (id - 1), id - 1, recordedAt(firstWaves.get(0), id))))
                    .collect(Collectors.toList());
            assertEquals(expected, firstWaves.get(0));
            for (int v = 1; v < variants.size(); v++) {
                assertEquals(firstWaves.get(0), firstWaves.get(v), "variant " + v + ", first wave");
                assertEquals(secondWaves.get(0), secondWaves.get(v), "variant " + v + ", second wave");
            }
            assertEquals(inFlight + 1, ((Optional<?>) secondWaves.get(0).get(0)).map(m -> ((Metric) m).id()).orElseThrow());
        });
    }

    @ParameterizedTest(name = "inFlight={0}")
    @ValueSource(ints = {1, 16, 64})
    void insertsLeaveTheSameRows(int inFlight) throws Exception {
        withBenchmark(Request.INSERT, inFlight, (bench, variants) -> {
            Set<Long> expectedIds = LongStream.rangeClosed(1, inFlight).boxed().collect(Collectors.toCollection(TreeSet::new));
            List<MetricSample> expectedRows = LongStream.range(0, inFlight)
                    .mapToObj(n -> new MetricSample("metric_" + n % 100, n))
                    .sorted(PgAsyncVsJdbcBenchmarkTest::byNameThenValue)
                    .toList();
            for (Supplier<List<Object>> variant : variants) {
                bench.resetIteration();
                assertEquals(List.of(), rows(bench), "the iteration starts from an empty table");

                List<Object> inserted = variant.get();

                assertEquals(expectedIds, inserted.stream().map(m -> ((InsertedMetric) m).id()).collect(Collectors.toCollection(TreeSet::new)));
                assertEquals(expectedRows, rows(bench));
            }
        });
    }

    private interface Check {
        void run(PgAsyncVsJdbcBenchmark bench, List<Supplier<List<Object>>> variants) throws Exception;
    }

    private static void withBenchmark(Request request, int inFlight, Check check) throws Exception {
        PgAsyncVsJdbcBenchmark bench = new PgAsyncVsJdbcBenchmark();
        bench.request = request;
        bench.inFlight = inFlight;
        bench.createData();
        PgAsyncVsJdbcBenchmark.JdbcSide jdbc = new PgAsyncVsJdbcBenchmark.JdbcSide();
        PgAsyncVsJdbcBenchmark.AsyncSide async = new PgAsyncVsJdbcBenchmark.AsyncSide();
        PgAsyncVsJdbcBenchmark.PipelinedSide pipelined = new PgAsyncVsJdbcBenchmark.PipelinedSide();
        try {
            jdbc.open(bench);
            async.open(bench);
            pipelined.open(bench);
            check.run(bench, List.of(() -> bench.jdbc(jdbc), () -> bench.async(async), () -> bench.asyncPipelined(pipelined)));
        } finally {
            try {
                pipelined.close();
                async.close();
                jdbc.close();
            } finally {
                bench.dropData();
            }
        }
    }

    private static java.time.Instant recordedAt(List<Object> wave, long id) {
        Metric m = (Metric) ((Optional<?>) wave.get((int) id - 1)).orElseThrow();
        assertTrue(m.recordedAt() != null);
        return m.recordedAt();
    }

    private static List<MetricSample> rows(PgAsyncVsJdbcBenchmark bench) throws SQLException {
        try (Connection c = bench.endpoint().connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, value FROM metrics ORDER BY name COLLATE \"C\", value")) {
            List<MetricSample> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new MetricSample(rs.getString(1), rs.getDouble(2)));
            }
            return rows;
        }
    }

    private static int byNameThenValue(MetricSample a, MetricSample b) {
        int byName = a.name().compareTo(b.name());
        return byName != 0 ? byName : Double.compare(a.value(), b.value());
    }
}
