package dev.dbbench.core.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.SqlFunction;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The repository operations of the guide's section 4, run on each database by a subclass. */
abstract class OrmContract {
    private static final Instant JAN_2025 = Instant.parse("2025-01-01T00:00:00Z");

    Database db;
    UserRepository users;
    OrderRepository orders;

    /** The database for one test: each test creates its tables in it and drops them. */
    abstract Database database();

    @BeforeEach
    void createSchema() {
        db = database();
        users = new UserRepository(db.dialect());
        orders = new OrderRepository(db.dialect());
        db.useConnection(c -> UserOrderSchema.create(c, db.dialect()));
    }

    @AfterEach
    void dropSchema() {
        db.useConnection(UserOrderSchema::drop);
        release();
    }

    /** Frees what {@link #database()} made, after the tables are dropped. */
    void release() {}

    @Test
    void createThenReadByIdAndEmail() {
        Instant at = Instant.parse("2024-03-04T05:06:07.123456789Z");
        User alice = tx(c -> users.create(c, "alice@example.com", "Alice", at));
        assertEquals(new User(alice.id(), "alice@example.com", "Alice", true, Instant.parse("2024-03-04T05:06:07.123456Z")), alice);
        assertEquals(Optional.of(alice), db.withConnection(c -> users.findById(c, alice.id())));
        assertEquals(Optional.of(alice), db.withConnection(c -> users.findByEmail(c, "alice@example.com")));
        assertEquals(Optional.empty(), db.withConnection(c -> users.findByEmail(c, "nobody@example.com")));
    }

    @Test
    void renameChangesOnlyThatUser() {
        User alice = tx(c -> users.create(c, "alice@example.com", "Alice"));
        User bob = tx(c -> users.create(c, "bob@example.com", "Bob"));
        boolean renamed = tx(c -> users.rename(c, alice.id(), "Alice Smith"));
        assertTrue(renamed);
        assertEquals("Alice Smith", db.withConnection(c -> users.findById(c, alice.id())).orElseThrow().name());
        assertEquals(Optional.of(bob), db.withConnection(c -> users.findById(c, bob.id())));
        boolean missingRenamed = tx(c -> users.rename(c, bob.id() + 1000, "Nobody"));
        assertFalse(missingRenamed);
    }

    @Test
    void bulkDeactivateCountsUsersCreatedBeforeTheCutoff() {
        db.useTransaction(c -> {
            users.create(c, "old1@example.com", "Old 1", Instant.parse("2023-05-01T00:00:00Z"));
            users.create(c, "old2@example.com", "Old 2", JAN_2025.minusNanos(1000));
            users.create(c, "new@example.com", "New", JAN_2025);
        });
        int deactivated = tx(c -> users.deactivateCreatedBefore(c, JAN_2025));
        assertEquals(2, deactivated);
        assertEquals(List.of("new@example.com"), db.withConnection(c -> users.findActive(c)).stream().map(User::email).toList());
        int again = tx(c -> users.deactivateCreatedBefore(c, JAN_2025));
        assertEquals(0, again, "already inactive users are not counted again");
    }

    @Test
    void deleteCascadesToOrders() {
        User alice = tx(c -> users.create(c, "alice@example.com", "Alice"));
        User bob = tx(c -> users.create(c, "bob@example.com", "Bob"));
        db.useTransaction(c -> {
            orders.create(c, alice.id(), Money.of("10.00"));
            orders.create(c, alice.id(), Money.of("20.00"));
            orders.create(c, bob.id(), Money.of("30.00"));
        });
        boolean deleted = tx(c -> users.delete(c, alice.id()));
        assertTrue(deleted);
        assertEquals(1, countOrders());
        assertEquals(List.of(), db.withConnection(c -> orders.findByUser(c, alice.id())));
        assertEquals(1, db.withConnection(c -> orders.findByUser(c, bob.id())).size());
        boolean deletedAgain = tx(c -> users.delete(c, alice.id()));
        assertFalse(deletedAgain);
    }

    @Test
    void newOrderIsPendingWithExactTotal() {
        User alice = tx(c -> users.create(c, "alice@example.com", "Alice"));
        Order order = tx(c -> orders.create(c, alice.id(), new BigDecimal("49.9")));
        assertEquals("pending", order.status());
        assertEquals(new BigDecimal("49.90"), order.total());
        assertEquals(List.of(order), db.withConnection(c -> orders.findByUser(c, alice.id())));
    }

    @Test
    void moneyWithMoreThanTwoDecimalsIsRefused() {
        User alice = tx(c -> users.create(c, "alice@example.com", "Alice"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tx(c -> orders.create(c, alice.id(), new BigDecimal("0.125"))));
        assertEquals("amount must have at most 2 decimal places, was 0.125. Round it first", e.getMessage());
        assertEquals(0, countOrders(), "the failed transaction left nothing");
    }

    @Test
    void summariesCountAndSumUsersWithMoreThanFiveOrders() {
        User alice = tx(c -> users.create(c, "alice@example.com", "Alice"));
        User bob = tx(c -> users.create(c, "bob@example.com", "Bob"));
        User twin = tx(c -> users.create(c, "alice2@example.com", "Alice"));
        db.useTransaction(c -> {
            for (int i = 0; i < 6; i++) {
                orders.create(c, alice.id(), Money.of("0.10"));
                orders.create(c, twin.id(), Money.of("0.20"));
            }
            for (int i = 0; i < 5; i++) {
                orders.create(c, bob.id(), Money.of("100.00"));
            }
        });
        assertEquals(List.of(new OrderSummary(alice.id(), "Alice", 6, Money.of("0.60")), new OrderSummary(twin.id(), "Alice", 6, Money.of("1.20"))),
                db.withConnection(c -> orders.summariesWithMoreThan(c, 5)));
    }

    @Test
    void bigSpendersAreStrictlyAboveTheThresholdToTheCent() {
        User exact = tx(c -> users.create(c, "exact@example.com", "Exactly 1000"));
        User above = tx(c -> users.create(c, "above@example.com", "1000.01"));
        tx(c -> users.create(c, "none@example.com", "No orders"));
        db.useTransaction(c -> {
            // Ten times 100.10 minus 1.00 is 1000.00 exactly only in decimal arithmetic.
            for (int i = 0; i < 10; i++) {
                orders.create(c, exact.id(), Money.of("100.10"));
                orders.create(c, above.id(), Money.of("100.10"));
            }
            orders.create(c, exact.id(), Money.of("-1.00"));
            orders.create(c, above.id(), Money.of("-0.99"));
        });
        assertEquals(List.of(above), db.withConnection(c -> users.bigSpenders(c, Money.of("1000.00"))));
    }

    /** One transaction returning a value (a lambda that calls a method also fits the void overload of inTransaction). */
    <T> T tx(SqlFunction<T> work) {
        return db.inTransaction(work);
    }

    int countOrders() {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM orders")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
