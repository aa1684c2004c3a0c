package dev.dbbench.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alembic's commands on Liquibase, on a fresh database per test chosen by a subclass. */
abstract class MigrationsContract {
    static final String BROKEN_CHANGELOG = "db/changelog-broken/master.xml";

    Database db;

    /** A fresh, empty database for one test. */
    abstract Database database();

    /** Removes what {@link #database()} made. */
    abstract void release();

    @BeforeEach
    void open() {
        db = database();
    }

    @AfterEach
    void close() {
        release();
    }

    @Test
    void upgradeAndDowngradeStepByStep() {
        Migrations migrations = new Migrations(db);
        assertEquals(Optional.empty(), migrations.current());
        assertEquals(List.of("001-add-users", "002-add-orders"), migrations.pending());

        migrations.upgrade(1);
        assertEquals(Optional.of("001-add-users"), migrations.current());
        assertTrue(tableExists("users"));
        assertFalse(tableExists("orders"));

        migrations.upgrade(1);
        assertEquals(Optional.of("002-add-orders"), migrations.current());
        assertTrue(tableExists("orders"));
        assertEquals(List.of(), migrations.pending());

        migrations.downgrade(1);
        assertEquals(Optional.of("001-add-users"), migrations.current());
        assertFalse(tableExists("orders"));
        assertTrue(tableExists("users"));

        migrations.downgrade(1);
        assertEquals(Optional.empty(), migrations.current());
        assertFalse(tableExists("users"));
    }

    @Test
    void upgradeToHeadRecordsHistoryInOrder() {
        Migrations migrations = new Migrations(db);
        migrations.upgradeToHead();
        List<Migration> history = migrations.history();
        assertEquals(List.of("001-add-users", "002-add-orders"), history.stream().map(Migration::id).toList());
        assertEquals("Add users table and email index", history.get(0).description());
        assertFalse(history.get(1).appliedAt().isBefore(history.get(0).appliedAt()));
        assertTrue(indexExists("users", "idx_users_email"));
        assertTrue(indexExists("orders", "idx_orders_user_status"));

        migrations.upgradeToHead();
        assertEquals(2, migrations.history().size(), "upgrading an up-to-date database changes nothing");
    }

    @Test
    void headSchemaCascadesDeletesFromUsersToOrders() {
        new Migrations(db).upgradeToHead();
        db.useTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (email, name) VALUES (?, ?)")) {
                ps.setString(1, "alice@example.com");
                ps.setString(2, "Alice");
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO orders (user_id, total) SELECT id, ? FROM users WHERE email = ?")) {
                ps.setBigDecimal(1, new java.math.BigDecimal("49.99"));
                ps.setString(2, "alice@example.com");
                ps.executeUpdate();
            }
        });
        assertEquals(1, count("orders"));
        assertEquals("pending", db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT status FROM orders"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }));
        db.useConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE email = ?")) {
                ps.setString(1, "alice@example.com");
                ps.executeUpdate();
            }
        });
        assertEquals(0, count("orders"));
    }

    @Test
    void failedRevisionLeavesThePreviousVersionIntact() {
        Migrations migrations = new Migrations(db, BROKEN_CHANGELOG);
        migrations.upgrade(2);
        MigrationException e = assertThrows(MigrationException.class, migrations::upgradeToHead);
        assertTrue(e.getMessage().startsWith("[migrate] upgrade to head of " + db.description() + " failed at revision 003-broken ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("); the database stays at revision 002-add-orders. Fix the changeset and run the migration again"), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_column"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));

        assertEquals(Optional.of("002-add-orders"), migrations.current());
        assertEquals(List.of("003-broken"), migrations.pending());
        assertFalse(tableExists("audit_log"), "the failed revision's first change was rolled back with it");
        assertTrue(tableExists("orders"));
    }

    @Test
    void failureAfterGoodRevisionsSaysHowManyWereApplied() {
        Migrations migrations = new Migrations(db, BROKEN_CHANGELOG);
        MigrationException e = assertThrows(MigrationException.class, migrations::upgradeToHead);
        assertTrue(e.getMessage().endsWith("); the database stays at revision 002-add-orders after applying 2 revision(s)."
                + " Fix the changeset and run the migration again"), e.getMessage());
        assertEquals(List.of("001-add-users", "002-add-orders"), migrations.history().stream().map(Migration::id).toList());
    }

    @Test
    void downgradingMoreThanIsAppliedIsRefusedBeforeAnythingChanges() {
        Migrations migrations = new Migrations(db);
        migrations.upgrade(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> migrations.downgrade(2));
        assertEquals("downgrade steps must be at most the 1 applied revision(s) of " + db.description() + ", was 2", e.getMessage());
        assertEquals(Optional.of("001-add-users"), migrations.current());
    }

    @Test
    void migrationsPrintNothing() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            Migrations migrations = new Migrations(db);
            migrations.upgradeToHead();
            migrations.downgrade(2);
            assertThrows(MigrationException.class, () -> new Migrations(db, BROKEN_CHANGELOG).upgradeToHead());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }

    boolean tableExists(String table) {
        return db.withConnection(c -> {
            try (ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
                return rs.next();
            }
        });
    }

    boolean indexExists(String table, String index) {
        return db.withConnection(c -> {
            try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
                while (rs.next()) {
                    if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
                return false;
            }
        });
    }

    int count(String table) {
        // The table name comes from the test's fixed set, never from data.
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
