package dev.dbbench.bench.sqlite.insert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbbench.core.sqlite.SqliteUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/** The four variants leave the same table (ids, emails, names) before any of them is timed. */
class SqliteInsertBenchmarkTest {

    record Row(long id, String email, String name, boolean active) {}

    @Test
    void variantsLeaveTheSameTable() {
        Map<String, ToIntFunction<SqliteInsertBenchmark>> variants = new LinkedHashMap<>();
        variants.put("perRowCommit", SqliteInsertBenchmark::perRowCommit);
        variants.put("perRowOneTransaction", SqliteInsertBenchmark::perRowOneTransaction);
        variants.put("batchOneTransaction", SqliteInsertBenchmark::batchOneTransaction);
        variants.put("multiRowValues", SqliteInsertBenchmark::multiRowValues);

        Map<String, List<Row>> tables = new LinkedHashMap<>();
        variants.forEach((name, variant) -> {
            SqliteInsertBenchmark bench = new SqliteInsertBenchmark();
            bench.rows = 1000;
            bench.createUsers();
            bench.createEmptyTable();
            try {
                assertEquals(1000, variant.applyAsInt(bench), name + " count");
                tables.put(name, rows(bench.table().all()));
            } finally {
                bench.checkAndRemoveFile();
            }
        });
        List<Row> expected = tables.get("perRowCommit");
        assertEquals(new Row(1, "user0@example.com", "User 0", true), expected.get(0));
        assertEquals(new Row(1000, "user999@example.com", "User 999", true), expected.get(999));
        tables.forEach((name, table) -> assertEquals(expected, table, name));
    }

    private static List<Row> rows(List<SqliteUser> users) {
        return users.stream().map(u -> new Row(u.id(), u.email(), u.name(), u.active())).toList();
    }
}
