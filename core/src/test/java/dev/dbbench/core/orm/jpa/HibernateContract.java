package dev.dbbench.core.orm.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.orm.CountingDataSource;
import dev.dbbench.core.orm.Money;
import dev.dbbench.core.orm.OrderRepository;
import dev.dbbench.core.orm.SampleData;
import dev.dbbench.core.orm.User;
import dev.dbbench.core.orm.UserOrdersLoader;
import dev.dbbench.core.orm.UserRepository;
import dev.dbbench.core.orm.UserWithOrders;
import dev.dbbench.core.paging.RowStreams;
import dev.dbbench.core.paging.StreamOptions;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hibernate.LazyInitializationException;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The guide's section 4 through Hibernate on a real database, each result checked against the JDBC
 * repository reading the same rows. One session factory per class (starting Hibernate takes about a
 * second); every test creates the tables and drops them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HibernateContract {
    private static final Instant JAN_2025 = Instant.parse("2025-01-01T00:00:00Z");

    Database db;
    OrmSettings settings;
    CountingDataSource counting;
    Orm orm;

    /** The database of this class; called once. */
    abstract Database database();

    /** Settings naming the same database by URL. */
    abstract OrmSettings settings();

    /** The hostile strings this database stores in a name column of 100 characters. */
    abstract List<String> hostileNames();

    /** Frees what {@link #database()} made. */
    void release() {}

    @BeforeAll
    void startHibernate() {
        db = database();
        settings = settings();
        counting = new CountingDataSource(db.dataSource());
        orm = Orm.start(settings, counting);
    }

    @AfterAll
    void stopHibernate() {
        orm.close();
        release();
    }

    @BeforeEach
    void createSchema() {
        db.useConnection(c -> OrmSchema.create(c, db.dialect()));
    }

    @AfterEach
    void dropSchema() {
        db.useConnection(c -> OrmSchema.drop(c, db.dialect()));
    }

    @Test
    void createThenReadByEmailMatchesTheJdbcRepository() {
        long id = orm.inSession(s -> OrmUsers.create(s, "alice@example.com", "Alice").getId());
        User viaOrm = orm.inSession(s -> OrmUsers.findByEmail(s, "alice@example.com").orElseThrow().toRecord());
        User viaJdbc = db.withConnection(c -> new UserRepository(db.dialect()).findByEmail(c, "alice@example.com")).orElseThrow();
        assertEquals(viaJdbc, viaOrm);
        assertEquals(id, viaOrm.id());
        assertTrue(viaOrm.active());
        assertFalse(orm.inSession(s -> OrmUsers.findByEmail(s, "nobody@example.com")).isPresent());
    }

    @Test
    void hostileStringsAreStoredAndReadBackVerbatim() {
        List<String> names = hostileNames();
        orm.useSession(s -> {
            for (int i = 0; i < names.size(); i++) {
                OrmUsers.create(s, "hostile-" + i + "@example.com", names.get(i));
            }
        });
        List<String> viaOrm = orm.inSession(s -> s.createSelectionQuery("from UserEntity order by id", UserEntity.class)
                .getResultList().stream().map(UserEntity::getName).toList());
        List<String> viaJdbc = db.withConnection(c -> new UserRepository(db.dialect()).findAll(c)).stream().map(User::name).toList();
        assertEquals(names, viaOrm);
        assertEquals(names, viaJdbc);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String email = "hostile-" + i + "@example.com";
            assertEquals(name, orm.inSession(s -> OrmUsers.findByEmail(s, email).orElseThrow().getName()));
        }
    }

    @Test
    void queriesAnswerAsTheJdbcRepositoryDoes() {
        db.useTransaction(c -> SampleData.insert(c, db.dialect(), 60, 7));
        UserRepository users = new UserRepository(db.dialect());
        OrderRepository orders = new OrderRepository(db.dialect());

        List<User> active = orm.inSession(s -> OrmUsers.findActive(s).stream().map(UserEntity::toRecord).toList());
        assertEquals(db.withConnection(users::findActive), active);
        assertEquals(54, active.size(), "every tenth sample user is inactive");

        var summaries = orm.inSession(s -> OrmUsers.summariesWithMoreThan(s, 5));
        assertEquals(db.withConnection(c -> orders.summariesWithMoreThan(c, 5)), summaries);
        assertEquals(60, summaries.size());
        assertEquals(List.of(), orm.inSession(s -> OrmUsers.summariesWithMoreThan(s, 7)));

        BigDecimal threshold = Money.of("1800.00");
        List<User> big = orm.inSession(s -> OrmUsers.bigSpenders(s, threshold).stream().map(UserEntity::toRecord).toList());
        assertEquals(db.withConnection(c -> users.bigSpenders(c, threshold)), big);
        assertFalse(big.isEmpty());
        assertTrue(big.size() < 60, "the threshold separates users: " + big.size());
    }

    @Test
    void bigSpendersAreStrictlyAboveTheThresholdToTheCent() {
        orm.useSession(s -> {
            UserEntity at = OrmUsers.create(s, "at@example.com", "At");
            at.addOrder(new OrderEntity(Money.of("999.99")));
            at.addOrder(new OrderEntity(Money.of("0.01")));
            UserEntity above = OrmUsers.create(s, "above@example.com", "Above");
            above.addOrder(new OrderEntity(Money.of("1000.01")));
        });
        List<String> big = orm.inSession(s -> OrmUsers.bigSpenders(s, Money.of("1000.00")).stream().map(UserEntity::getEmail).toList());
        assertEquals(List.of("above@example.com"), big);
    }

    @Test
    void renameIsWrittenAtCommitAndMissingUsersAreReported() {
        long alice = orm.inSession(s -> OrmUsers.create(s, "alice@example.com", "Alice").getId());
        long bob = orm.inSession(s -> OrmUsers.create(s, "bob@example.com", "Bob").getId());
        boolean renamed = orm.inSession(s -> OrmUsers.rename(s, alice, "Alice Smith"));
        assertTrue(renamed);
        assertEquals("Alice Smith", db.withConnection(c -> new UserRepository(db.dialect()).findById(c, alice)).orElseThrow().name());
        assertEquals("Bob", db.withConnection(c -> new UserRepository(db.dialect()).findById(c, bob)).orElseThrow().name());
        boolean missingRenamed = orm.inSession(s -> OrmUsers.rename(s, bob + 1000, "Nobody"));
        assertFalse(missingRenamed);
    }

    @Test
    void bulkUpdateDeactivatesUsersCreatedBeforeTheCutoffInOneStatement() {
        orm.useSession(s -> {
            s.persist(new UserEntity("old1@example.com", "Old 1", Instant.parse("2023-05-01T00:00:00Z")));
            s.persist(new UserEntity("old2@example.com", "Old 2", JAN_2025.minusNanos(1000)));
            s.persist(new UserEntity("new@example.com", "New", JAN_2025));
        });
        counting.reset();
        int deactivated = orm.inSession(s -> OrmUsers.deactivateCreatedBefore(s, JAN_2025));
        assertEquals(2, deactivated);
        assertEquals(1, counting.reset(), "one UPDATE");
        assertEquals(List.of("new@example.com"), orm.inSession(s -> OrmUsers.findActive(s).stream().map(UserEntity::getEmail).toList()));
        int again = orm.inSession(s -> OrmUsers.deactivateCreatedBefore(s, JAN_2025));
        assertEquals(0, again);
    }

    @Test
    void deleteRemovesTheUsersOrdersByCascade() {
        long alice = orm.inSession(s -> OrmUsers.createWithOrder(s, "alice@example.com", "Alice", Money.of("49.99")).getId());
        orm.useSession(s -> s.find(UserEntity.class, alice).addOrder(new OrderEntity(Money.of("5.00"))));
        orm.useSession(s -> OrmUsers.createWithOrder(s, "bob@example.com", "Bob", Money.of("1.00")));
        assertEquals(3, countRows("orders"));
        boolean deleted = orm.inSession(s -> OrmUsers.delete(s, alice));
        assertTrue(deleted);
        assertEquals(1, countRows("orders"));
        assertEquals(1, countRows("users"));
        boolean deletedAgain = orm.inSession(s -> OrmUsers.delete(s, alice));
        assertFalse(deletedAgain);
    }

    @Test
    void getSessionSavesAUserAndTheirOrderTogether() {
        UserEntity bob = orm.inSession(s -> OrmUsers.createWithOrder(s, "bob@example.com", "Bob", Money.of("49.99")));
        UserWithOrders stored = db.withConnection(c -> new UserOrdersLoader(db.dialect()).join(c)).get(0);
        assertEquals(bob.getId(), stored.user().id());
        assertEquals(1, stored.orders().size());
        assertEquals(Money.of("49.99"), stored.orders().get(0).total());
        assertEquals("pending", stored.orders().get(0).status());
    }

    @Test
    void duplicateEmailRollsBackTheWholeUnitOfWorkWithTheSqlStateKept() {
        orm.useSession(s -> OrmUsers.create(s, "alice@example.com", "Alice"));
        DatabaseException e = assertThrows(DatabaseException.class, () -> orm.useSession(s -> {
            OrmUsers.createWithOrder(s, "carol@example.com", "Carol", Money.of("10.00"));
            OrmUsers.create(s, "alice@example.com", "Alice again");
        }));
        assertEquals("23505", e.sqlState());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith("[orm " + (db.dialect() == Dialect.SQLITE ? "sqlite" : "postgres")
                + "] unit of work rolled back: a unique constraint was violated"), e.getMessage());
        assertEquals(1, countRows("users"), "Carol was rolled back with the failed insert");
        assertEquals(0, countRows("orders"));
    }

    @Test
    void anExceptionOfTheWorkRollsBackAndComesOutUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> orm.useSession(s -> {
            OrmUsers.createWithOrder(s, "carol@example.com", "Carol", Money.of("10.00"));
            s.flush();
            throw boom;
        }));
        assertSame(boom, e);
        assertEquals(0, countRows("users"));
        assertEquals(0, countRows("orders"));
    }

    @Test
    void aQueryAgainstAClosedSessionFailsInOneLine() {
        Session leaked = orm.inSession(s -> s);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> leaked.createSelectionQuery("from UserEntity", UserEntity.class).getResultList());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("closed"), e.getMessage());
    }

    @Test
    void aLazyCollectionTouchedAfterTheSessionClosedFailsInOneLine() {
        orm.useSession(s -> OrmUsers.createWithOrder(s, "bob@example.com", "Bob", Money.of("1.00")));
        UserEntity detached = orm.inSession(s -> OrmUsers.findByEmail(s, "bob@example.com").orElseThrow());
        LazyInitializationException e = assertThrows(LazyInitializationException.class, () -> detached.getOrders().size());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("UserEntity.orders") && e.getMessage().toLowerCase().contains("session"), e.getMessage());
    }

    @Test
    void everyInsertPathLeavesTheRowsOfTheJdbcBatchInsert() {
        int users = 120;
        int ordersPerUser = 3;
        db.useTransaction(c -> SampleData.insert(c, db.dialect(), users, ordersPerUser));
        List<String> expected = contentWithoutIds();
        assertEquals(users * (1 + ordersPerUser), expected.size());
        int rows = users * (1 + ordersPerUser);

        assertEquals(rows * identityStatementsPerRow(), insertCounted(o -> o.useSession(s -> OrmInserts.persistIdentity(s, users, ordersPerUser))),
                "IDENTITY: every row its own INSERT, batch size or not");
        assertEquals(expected, contentWithoutIds());
        if (!sequenceIds()) {
            return;
        }
        long batched = insertCounted(o -> o.useSession(s -> OrmInserts.persistSequenced(s, users, ordersPerUser)));
        assertEquals(expected, contentWithoutIds());
        long unbatched = insertCounted(o -> o.useSession(s -> {
            s.setJdbcBatchSize(0);
            OrmInserts.persistSequenced(s, users, ordersPerUser);
        }));
        assertEquals(expected, contentWithoutIds());
        long stateless = insertCounted(o -> o.inStatelessSession(s -> {
            OrmInserts.insertStateless(s, users, ordersPerUser);
            return null;
        }));
        assertEquals(expected, contentWithoutIds());
        long sequenceCalls = (users + 49) / 50 + (users * ordersPerUser + 49) / 50;
        // The sequence calls depend on the ids the factory's optimizer still holds from the run before: at most one per 50 ids, plus one.
        assertTrue(unbatched > rows && unbatched <= rows + sequenceCalls + 2,
                "sequence ids without batching: every row its own INSERT, plus about one sequence call per 50 ids: " + unbatched);
        assertTrue(batched <= 2 * sequenceCalls + 2, "sequence ids in batches of 50: " + batched);
        assertTrue(stateless <= 2 * sequenceCalls + 4, "stateless in batches of 50: " + stateless);
    }

    /** Statements Hibernate needs per row inserted with an IDENTITY id: the INSERT, and on SQLite a query for the id. */
    abstract int identityStatementsPerRow();

    /** Whether the database has sequences, so that {@link SequencedUser} can batch its inserts. */
    abstract boolean sequenceIds();

    /** Empties the tables, runs {@code insert} and returns how many statements it executed. */
    long insertCounted(Consumer<Orm> insert) {
        db.useConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM orders");
                s.execute("DELETE FROM users");
            }
        });
        counting.reset();
        insert.accept(orm);
        return counting.reset();
    }

    @Test
    void everyStreamReadsTheUsersOfTheJdbcCursorInOrder() {
        db.useTransaction(c -> SampleData.insert(c, db.dialect(), 2_500, 0));
        UserRepository repository = new UserRepository(db.dialect());
        List<User> cursor = new ArrayList<>();
        RowStreams.stream(db, UserRepository.SELECT_USERS + " ORDER BY id", List.of(), new StreamOptions(100, 1_000), repository::read, cursor::addAll);
        assertEquals(2_500, cursor.size());
        assertEquals(SampleData.email(1), cursor.get(0).email());

        List<User> listed = new ArrayList<>();
        long listedRows = orm.inSession(s -> OrmStreams.resultList(s, listed::add));
        List<User> scrolled = new ArrayList<>();
        long scrolledRows = orm.inSession(s -> OrmStreams.scroll(s, 100, 1_000, scrolled::add));
        List<User> streamed = new ArrayList<>();
        long streamedRows = orm.inStatelessSession(s -> OrmStreams.statelessStream(s, 100, streamed::add));
        assertEquals(cursor, listed);
        assertEquals(cursor, scrolled);
        assertEquals(cursor, streamed);
        assertEquals(List.of(2_500L, 2_500L, 2_500L), List.of(listedRows, scrolledRows, streamedRows));
    }

    @Test
    void theUrlAloneStartsHibernateOverItsOwnPool() {
        try (Orm pooled = Orm.start(settings)) {
            assertEquals(db.dialect(), pooled.dialect());
            pooled.useSession(s -> OrmUsers.createWithOrder(s, "dave@example.com", "Dave", Money.of("3.50")));
            assertEquals("Dave", pooled.inSession(s -> OrmUsers.findByEmail(s, "dave@example.com").orElseThrow().getName()));
        }
        assertEquals(1, countRows("orders"));
    }

    /** Every user and order as text without ids: what an insert path must leave, whichever ids it used. */
    List<String> contentWithoutIds() {
        List<String> rows = new ArrayList<>();
        for (UserWithOrders u : db.withConnection(c -> new UserOrdersLoader(db.dialect()).join(c))) {
            rows.add(u.user().email() + "|" + u.user().name() + "|" + u.user().active() + "|" + u.user().createdAt());
            u.orders().forEach(o -> rows.add(u.user().email() + "|" + o.total() + "|" + o.status() + "|" + o.createdAt()));
        }
        rows.sort(null);
        return rows;
    }

    long countRows(String table) {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
