package dev.dbbench.bench.sqlite.async;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbbench.bench.sqlite.async.SqliteAsyncBenchmark.Request;
import dev.dbbench.core.async.Event;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Direct calls and the async worker return the same results and leave the same rows. */
class SqliteAsyncBenchmarkTest {

    @ParameterizedTest(name = "inFlight={0}")
    @ValueSource(ints = {1, 16})
    void latestReadsTheSameEvents(int inFlight) throws Exception {
        SqliteAsyncBenchmark bench = benchmark(Request.LATEST_10, inFlight);
        try {
            bench.resetIteration();
            List<Object> direct = bench.direct();
            bench.resetIteration();
            List<Object> async = bench.async();

            assertEquals(inFlight, direct.size());
            @SuppressWarnings("unchecked")
            List<Event> first = (List<Event>) direct.get(0);
            assertEquals(LongStream.rangeClosed(991, 1000).map(id -> 1991 - id).boxed().toList(), first.stream().map(Event::id).toList());
            assertEquals(direct, async);
        } finally {
            bench.removeData();
        }
    }

    @ParameterizedTest(name = "inFlight={0}")
    @ValueSource(ints = {1, 16})
    void insertsLeaveTheSameRows(int inFlight) throws Exception {
        SqliteAsyncBenchmark bench = benchmark(Request.INSERT_AND_COMMIT, inFlight);
        try {
            bench.resetIteration();
            List<Object> direct = bench.direct();
            List<String> directRows = rows(bench);
            bench.resetIteration();
            assertEquals(SqliteAsyncBenchmark.EVENTS, rows(bench).size(), "the iteration starts from the seeded rows");
            List<Object> async = bench.async();

            assertEquals(LongStream.rangeClosed(1001, 1000 + inFlight).boxed().toList(), direct);
            assertEquals(direct, async);
            assertEquals(directRows, rows(bench));
            assertEquals(SqliteAsyncBenchmark.EVENTS + inFlight, directRows.size());
        } finally {
            bench.removeData();
        }
    }

    private static SqliteAsyncBenchmark benchmark(Request request, int inFlight) throws Exception {
        SqliteAsyncBenchmark bench = new SqliteAsyncBenchmark();
        bench.request = request;
        bench.inFlight = inFlight;
        bench.createData();
        return bench;
    }

    /** Every committed event as seen from a fresh connection, without created_at (seconds tick between runs). */
    private static List<String> rows(SqliteAsyncBenchmark bench) {
        return bench.database().withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, type, data FROM events ORDER BY id")) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                }
                return rows;
            }
        });
    }
}
