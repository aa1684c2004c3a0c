package dev.dbbench.bench.postgres.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbbench.core.orm.UserWithOrders;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three variants load equal graphs from the benchmark's own data before any of them is timed. */
class PgUserOrdersLoadBenchmarkTest {

    @Test
    void variantsLoadEqualGraphs() throws Exception {
        PgUserOrdersLoadBenchmark bench = new PgUserOrdersLoadBenchmark();
        bench.createData();
        try {
            List<UserWithOrders> lazy = bench.nPlusOne();
            assertEquals(PgUserOrdersLoadBenchmark.USERS, lazy.size());
            assertEquals(PgUserOrdersLoadBenchmark.USERS * PgUserOrdersLoadBenchmark.ORDERS_PER_USER,
                    lazy.stream().mapToInt(u -> u.orders().size()).sum());
            assertEquals(lazy, bench.join());
            assertEquals(lazy, bench.inBatch());
        } finally {
            bench.removeData();
        }
    }
}
