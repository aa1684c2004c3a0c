package dev.dbbench.core.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.SqlFunction;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guide's three tests (section 9), each on a fresh schema; subclasses choose the database. */
abstract class GuideExamplesContract {
    Database db;
    UserRepository users;
    OrderRepository orders;

    /** The database for one test, with no tables yet. */
    abstract Database database();

    /** Frees what {@link #database()} made, after the tables are dropped. */
    void release() {}

    /** The SQLState the database's driver gives a unique violation. */
    abstract String uniqueViolationSqlState();

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

    @Test
    void createUser() {
        tx(c -> users.create(c, "test@example.com", "Test User"));
        Optional<User> found = db.withConnection(c -> users.findByEmail(c, "test@example.com"));
        assertTrue(found.isPresent());
        assertEquals("Test User", found.get().name());
    }

    @Test
    void userOrders() {
        User buyer = tx(c -> {
            User u = users.create(c, "buyer@example.com", "Buyer");
            orders.create(c, u.id(), Money.of("25.00"));
            orders.create(c, u.id(), Money.of("75.00"));
            return u;
        });
        List<Order> placed = db.withConnection(c -> orders.findByUser(c, buyer.id()));
        assertEquals(2, placed.size());
        assertEquals(Money.of("100.00"), placed.stream().map(Order::total).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void duplicateEmailRejected() {
        tx(c -> users.create(c, "one@example.com", "One"));
        DatabaseException e = assertThrows(DatabaseException.class, () -> tx(c -> users.create(c, "one@example.com", "Duplicate")));
        assertTrue(e.getMessage().startsWith("[users] email \"one@example.com\" is already registered: users.email must be unique."
                + " Use another email or update the existing user ("), e.getMessage());
        assertEquals(uniqueViolationSqlState(), e.sqlState());
        assertEquals(List.of("One"), db.withConnection(c -> users.findAll(c)).stream().map(User::name).toList());
    }

    <T> T tx(SqlFunction<T> work) {
        return db.inTransaction(work);
    }
}
