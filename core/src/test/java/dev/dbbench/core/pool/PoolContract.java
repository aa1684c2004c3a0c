package dev.dbbench.core.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every pool kind must do on a real database; subclasses give the database. */
abstract class PoolContract {
    /** Keys under which each pool reports the mapped limits, by the pool's own names. */
    static final Map<PoolKind, List<String>> LIMIT_KEYS = Map.of(
            PoolKind.NONE, List.of("maximumOpen", "borrowTimeoutMillis", "autoCommit"),
            PoolKind.HIKARI, List.of("maximumPoolSize", "connectionTimeout", "autoCommit"),
            PoolKind.DBCP2, List.of("maxTotal", "maxWaitMillis", "defaultAutoCommit"),
            PoolKind.TOMCAT, List.of("maxActive", "maxWait", "defaultAutoCommit"));

    static final PoolSettings SMALL = PoolSettings.of(3).withMinimumIdle(1).withBorrowTimeout(Duration.ofMillis(250));

    private Database db;

    abstract Database database();

    @BeforeEach
    void createTable() {
        db = database();
        db.useConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE pool_notes (id INTEGER PRIMARY KEY, note VARCHAR(40) NOT NULL)");
            }
        });
    }

    @AfterEach
    void dropTable() {
        db.useConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS pool_notes");
            }
        });
        db.close();
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void borrowsAndReturns(PoolKind kind) {
        try (ConnectionPool pool = ConnectionPools.create(kind, db, SMALL)) {
            for (int i = 0; i < 5; i++) {
                assertEquals(1, pool.withConnection(PoolContract::selectOne));
            }
            PoolStatus after = pool.status();
            assertEquals(0, after.active(), after.toString());
            assertEquals(0, after.waiting(), after.toString());
            assertEquals(after.total(), after.idle() + after.active(), after.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void countsActiveAndWaitingUnderLoad(PoolKind kind) throws Exception {
        PoolSettings settings = SMALL.withBorrowTimeout(Duration.ofSeconds(60));
        ExecutorService waiters = Executors.newFixedThreadPool(2);
        try (ConnectionPool pool = ConnectionPools.create(kind, db, settings)) {
            List<Connection> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                held.add(pool.borrow());
            }
            PoolStatus full = pool.status();
            assertEquals(new PoolStatus(3, 0, 3, 0), full);

            List<Future<Integer>> blocked = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                blocked.add(waiters.submit(() -> pool.withConnection(PoolContract::selectOne)));
            }
            awaitCondition(() -> pool.status().waiting() == 2, pool);
            assertEquals(new PoolStatus(3, 0, 3, 2), pool.status());

            for (Connection c : held) {
                c.close();
            }
            for (Future<Integer> f : blocked) {
                assertEquals(1, f.get(30, TimeUnit.SECONDS));
            }
            awaitCondition(() -> pool.status().active() == 0, pool);
            assertEquals(0, pool.status().waiting());
        } finally {
            waiters.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void borrowTimeoutSaysWhichPoolHowLongAndItsStatus(PoolKind kind) throws SQLException {
        try (ConnectionPool pool = ConnectionPools.create(kind, db, SMALL)) {
            List<Connection> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                held.add(pool.borrow());
            }
            DatabaseException e = assertThrows(DatabaseException.class, pool::borrow);
            String message = e.getMessage();
            assertTrue(message.startsWith("[" + kind.label() + "] connection not available after "), message);
            assertTrue(message.contains(" ms (total=3, active=3, idle=0, waiting=0): raise maximumSize (3) or borrowTimeout (250 ms)"), message);
            assertTrue(e.getCause() instanceof SQLException, String.valueOf(e.getCause()));
            for (Connection c : held) {
                c.close();
            }
            assertEquals(1, pool.withConnection(PoolContract::selectOne), "the pool recovers once connections are returned");
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void equalSettingsGiveEqualReportedLimits(PoolKind kind) {
        PoolSettings settings = SMALL.withAutoCommit(false);
        try (ConnectionPool pool = ConnectionPools.create(kind, db, settings)) {
            List<String> keys = LIMIT_KEYS.get(kind);
            Map<String, String> effective = pool.effectiveSettings();
            assertEquals(List.of("3", "250", "false"), keys.stream().map(effective::get).toList(), effective.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void autoCommitOffIsAppliedAndAnUnfinishedTransactionIsRolledBackOnReturn(PoolKind kind) {
        PoolSettings settings = SMALL.withMaximumSize(1).withAutoCommit(false);
        try (ConnectionPool pool = ConnectionPools.create(kind, db, settings)) {
            pool.withConnection(c -> {
                assertFalse(c.getAutoCommit());
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO pool_notes (id, note) VALUES (?, ?)")) {
                    ps.setInt(1, 1);
                    ps.setString(2, "never committed");
                    return ps.executeUpdate();
                }
            });
            int rows = pool.withConnection(c -> {
                assertFalse(c.getAutoCommit(), "the next borrower gets the pool's mode");
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM pool_notes")) {
                    rs.next();
                    int n = rs.getInt(1);
                    c.rollback();
                    return n;
                }
            });
            assertEquals(0, rows);
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void transactionScopeCommitsAndReturns(PoolKind kind) {
        try (ConnectionPool pool = ConnectionPools.create(kind, db, SMALL)) {
            pool.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO pool_notes (id, note) VALUES (?, ?)")) {
                    ps.setInt(1, 7);
                    ps.setString(2, "kept");
                    return ps.executeUpdate();
                }
            });
            assertThrows(DatabaseException.class, () -> pool.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO pool_notes (id, note) VALUES (?, ?)")) {
                    ps.setInt(1, 8);
                    ps.setString(2, "rolled back");
                    ps.executeUpdate();
                    ps.setInt(1, 7);
                    return ps.executeUpdate();
                }
            }));
            int rows = pool.withConnection(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM pool_notes")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(1, rows);
            assertEquals(0, pool.status().active());
        }
    }

    @ParameterizedTest
    @EnumSource(value = PoolKind.class, names = {"DBCP2", "TOMCAT"})
    void validationSettingIsWhatThePoolReports(PoolKind kind) {
        try (ConnectionPool on = ConnectionPools.create(kind, db, SMALL.withValidation(PoolSettings.Validation.ON_BORROW));
             ConnectionPool off = ConnectionPools.create(kind, db, SMALL.withValidation(PoolSettings.Validation.NONE))) {
            assertEquals("true", on.effectiveSettings().get("testOnBorrow"));
            assertEquals("false", off.effectiveSettings().get("testOnBorrow"));
            assertEquals("null", on.effectiveSettings().get("validationQuery"), "checked with Connection.isValid");
            if (kind == PoolKind.TOMCAT) {
                assertEquals("0", on.effectiveSettings().get("validationInterval"));
            }
        }
    }

    static int selectOne(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Waits for another thread's effect (a thread blocking in a borrow); not a timing assertion. */
    static void awaitCondition(BooleanSupplier condition, ConnectionPool pool) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 30 s; pool status " + pool.status());
            }
            Thread.sleep(5);
        }
    }
}
