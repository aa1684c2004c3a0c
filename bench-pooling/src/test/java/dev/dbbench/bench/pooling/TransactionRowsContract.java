package dev.dbbench.bench.pooling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbbench.bench.pooling.perrequest.RequestPool;
import dev.dbbench.core.orm.User;
import dev.dbbench.core.pool.ConnectionPool;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The transaction operation leaves the same rows whichever pool (or none) runs it: every variant of
 * the connection-per-request question, the pool that checks every borrow included.
 */
abstract class TransactionRowsContract {
    private static final int CALLS = 20;

    abstract PoolTarget openTarget();

    @Test
    void everyPoolLeavesTheSameUsers() {
        Map<RequestPool, List<String>> rows = new EnumMap<>(RequestPool.class);
        try (PoolTarget target = openTarget()) {
            target.createSchema();
            for (RequestPool kind : RequestPool.values()) {
                target.reset();
                Caller caller = new Caller(target.dialect(), 3);
                try (ConnectionPool pool = kind.start(target.dataSource())) {
                    for (int i = 0; i < CALLS; i++) {
                        User read = (User) Operation.TRANSACTION.run(pool, caller);
                        assertEquals("caller3-" + i + "@example.com", read.email());
                    }
                    rows.put(kind, pool.withConnection(c -> {
                        List<String> users = new ArrayList<>();
                        try (Statement s = c.createStatement();
                             ResultSet rs = s.executeQuery("SELECT email, name, is_active FROM users ORDER BY email")) {
                            while (rs.next()) {
                                users.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getBoolean(3));
                            }
                        }
                        return users;
                    }));
                }
            }
            target.reset();
        }
        assertEquals(CALLS, rows.get(RequestPool.NONE).size());
        for (RequestPool kind : RequestPool.values()) {
            assertEquals(rows.get(RequestPool.NONE), rows.get(kind), kind.name());
        }
    }
}
