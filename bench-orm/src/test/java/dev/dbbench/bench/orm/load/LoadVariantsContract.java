package dev.dbbench.bench.orm.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbbench.bench.orm.StatementCounter;
import dev.dbbench.core.orm.UserWithOrders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every variant of the class loads the same graph from the benchmark's own data, and its counter
 * reports the statements it is claimed to take, before any of them is timed.
 */
abstract class LoadVariantsContract {
    abstract OrmUserOrdersLoad benchmark();

    @Test
    void variantsLoadEqualGraphsInTheirStatementCounts() throws Exception {
        OrmUserOrdersLoad bench = benchmark();
        bench.fill();
        try {
            Map<String, Double> counts = new LinkedHashMap<>();
            StatementCounter counter = new StatementCounter();
            counter.clear();
            List<UserWithOrders> lazy = bench.lazy(counter);
            counts.put("lazy", counter.statementsPerOp());
            assertEquals(OrmUserOrdersLoad.USERS, lazy.size());
            assertEquals(OrmUserOrdersLoad.USERS * OrmUserOrdersLoad.ORDERS_PER_USER, lazy.stream().mapToInt(u -> u.orders().size()).sum());

            counter.clear();
            assertEquals(lazy, bench.joinFetch(counter));
            counts.put("joinFetch", counter.statementsPerOp());
            counter.clear();
            assertEquals(lazy, bench.entityGraph(counter));
            counts.put("entityGraph", counter.statementsPerOp());
            counter.clear();
            assertEquals(lazy, bench.subselect(counter));
            counts.put("subselect", counter.statementsPerOp());
            counter.clear();
            assertEquals(lazy, bench.batchFetch(counter));
            counts.put("batchFetch", counter.statementsPerOp());
            counter.clear();
            assertEquals(lazy, bench.jdbcNPlusOne(counter));
            counts.put("jdbcNPlusOne", counter.statementsPerOp());
            counter.clear();
            assertEquals(lazy, bench.jdbcJoin(counter));
            counts.put("jdbcJoin", counter.statementsPerOp());
            counter.clear();
            assertEquals(lazy, bench.jdbcInBatch(counter));
            counts.put("jdbcInBatch", counter.statementsPerOp());

            assertEquals(Map.of("lazy", 1001.0, "joinFetch", 1.0, "entityGraph", 1.0, "subselect", 2.0, "batchFetch", 11.0,
                    "jdbcNPlusOne", 1001.0, "jdbcJoin", 1.0, "jdbcInBatch", 2.0), counts);
        } finally {
            bench.drop();
        }
    }
}
