package dev.dbbench.bench.pooling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbbench.bench.pooling.defaults.PoolSetup;
import dev.dbbench.bench.pooling.perrequest.RequestPool;
import dev.dbbench.bench.pooling.stub.StubCounters;
import dev.dbbench.core.orm.User;
import dev.dbbench.core.pool.ConnectionPool;
import dev.dbbench.core.pool.ConnectionPools;
import dev.dbbench.core.pool.PoolKind;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every pool asks the driver for the same work per operation (the stub counts it): the same
 * statements, executions and commits, no checks and no rollbacks; only the no-pool variant connects
 * per call.
 */
class StubSameWorkTest {
    private static final int CALLS = 50;

    @ParameterizedTest
    @EnumSource(Operation.class)
    void everyPoolDoesTheSameWorkPerOperation(Operation op) {
        Map<PoolKind, String> work = new EnumMap<>(PoolKind.class);
        for (PoolKind kind : PoolKind.values()) {
            StubTarget target = new StubTarget();
            Caller caller = new Caller(target.dialect(), 0);
            StubCounters counters = target.counters();
            try (ConnectionPool pool = ConnectionPools.create(kind, target.dataSource(), PoolingSettings.SETTINGS)) {
                // One call first, not counted: HikariCP checks a connection idle for more than 500 ms, as the
                // pool's first connection may be by then; a benchmark pays that once per trial.
                op.run(pool, caller);
                String before = work(counters);
                long connectsBefore = counters.connects();
                for (int i = 0; i < CALLS; i++) {
                    Object result = op.run(pool, caller);
                    if (op == Operation.SELECT_1) {
                        assertEquals(1, result);
                    } else if (op == Operation.TRANSACTION) {
                        assertEquals("stub", ((User) result).email());
                    }
                }
                assertEquals(kind == PoolKind.NONE ? CALLS : 0, counters.connects() - connectsBefore, kind + " connects while measuring");
                assertEquals(0, pool.status().active(), kind + " returned every connection");
                work.put(kind, difference(before, work(counters)));
            }
        }
        String expected = switch (op) {
            case BORROW -> "statements=0, executions=0, commits=0, rollbacks=0, validations=0";
            case SELECT_1 -> "statements=50, executions=50, commits=0, rollbacks=0, validations=0";
            case TRANSACTION -> "statements=100, executions=100, commits=50, rollbacks=0, validations=0";
        };
        for (PoolKind kind : PoolKind.values()) {
            assertEquals(expected, work.get(kind), kind.label());
        }
    }

    private static String work(StubCounters c) {
        return c.statements() + "," + c.executions() + "," + c.commits() + "," + c.rollbacks() + "," + c.validations();
    }

    private static String difference(String before, String after) {
        String[] b = before.split(",");
        String[] a = after.split(",");
        String[] names = {"statements", "executions", "commits", "rollbacks", "validations"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            out.append(i == 0 ? "" : ", ").append(names[i]).append('=').append(Long.parseLong(a[i]) - Long.parseLong(b[i]));
        }
        return out.toString();
    }

    @ParameterizedTest
    @EnumSource(PoolSetup.class)
    void onlyTheCheckedSetupsValidateEveryBorrow(PoolSetup setup) {
        StubTarget target = new StubTarget();
        Caller caller = new Caller(target.dialect(), 0);
        try (ConnectionPool pool = setup.start(target.dataSource())) {
            Operation.SELECT_1.run(pool, caller);
            long executed = target.counters().executions();
            long before = target.counters().validations();
            for (int i = 0; i < CALLS; i++) {
                assertEquals(1, Operation.SELECT_1.run(pool, caller));
            }
            long checks = target.counters().validations() - before;
            boolean checked = setup == PoolSetup.DBCP2_DEFAULTS || setup == PoolSetup.DBCP2_CHECKED;
            // HikariCP's 500 ms bypass window: back-to-back borrows are never checked.
            assertEquals(checked ? CALLS : 0, checks, setup.name());
            assertEquals(CALLS, target.counters().executions() - executed, setup.name());
        }
    }

    @ParameterizedTest
    @EnumSource(RequestPool.class)
    void onlyThePrePingPoolChecksEveryRequestAndAllGiveTheSameResult(RequestPool variant) {
        // The guide's pool_pre_ping: the variant must really send a check per request, or its figure
        // would be the unchecked pool's under another name; the answers must not change.
        StubTarget target = new StubTarget();
        Caller caller = new Caller(target.dialect(), 0);
        try (ConnectionPool pool = variant.start(target.dataSource())) {
            Operation.SELECT_1.run(pool, caller);
            long executed = target.counters().executions();
            long before = target.counters().validations();
            for (int i = 0; i < CALLS; i++) {
                assertEquals(1, Operation.SELECT_1.run(pool, caller));
            }
            assertEquals(variant == RequestPool.DBCP2_PRE_PING ? CALLS : 0, target.counters().validations() - before, variant.name());
            assertEquals(CALLS, target.counters().executions() - executed, variant.name());
        }
    }
}
