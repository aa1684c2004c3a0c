package dev.dbbench.bench.sqlite.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbbench.core.orm.UserWithOrders;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three variants load equal graphs from the benchmark's own data before any of them is timed. */
class SqliteUserOrdersLoadBenchmarkTest {

    @Test
    void variantsLoadEqualGraphs() throws Exception {
        SqliteUserOrdersLoadBenchmark bench = new SqliteUserOrdersLoadBenchmark();
        bench.createData();
        try {
            List<UserWithOrders> lazy = bench.nPlusOne();
            assertEquals(SqliteUserOrdersLoadBenchmark.USERS, lazy.size());
            assertEquals(SqliteUserOrdersLoadBenchmark.USERS * SqliteUserOrdersLoadBenchmark.ORDERS_PER_USER,
                    lazy.stream().mapToInt(u -> u.orders().size()).sum());
            assertEquals(lazy, bench.join());
            assertEquals(lazy, bench.inBatch());
        } finally {
            bench.removeData();
        }
    }
}
