package dev.dbbench.core.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The guide's section 7 transfer on a real PostgreSQL: locking, business errors, retries, concurrency. */
class BankTest {
    static final BigDecimal OPENING = new BigDecimal("1000.00");

    static PgEndpoint endpoint;
    static Database db;

    @BeforeAll
    static void createDatabase() {
        endpoint = SharedPostgres.get().createDatabase("BankTest");
        db = Databases.postgres(endpoint);
    }

    @AfterAll
    static void dropDatabase() {
        SharedPostgres.get().drop(endpoint);
    }

    @BeforeEach
    void openAccounts() {
        db.useTransaction(c -> {
            Bank.createSchema(c);
            Bank.openAccounts(c, 10, OPENING);
        });
    }

    @AfterEach
    void dropTables() {
        db.useConnection(Bank::dropSchema);
    }

    @Test
    void transferMovesTheMoneyAndLogsIt() {
        TransferResult result = db.withConnection(c -> new Bank(RetryPolicy.defaults()).transfer(c, 3, 7, new BigDecimal("250.50")));
        assertEquals(new TransferResult(1, 1), result);
        Map<Long, BigDecimal> balances = db.withConnection(Bank::balances);
        assertEquals(new BigDecimal("749.50"), balances.get(3L));
        assertEquals(new BigDecimal("1250.50"), balances.get(7L));
        assertEquals(List.of(new Logged(3, 7, new BigDecimal("250.50"))), log());
    }

    @Test
    void insufficientFundsIsABusinessErrorThatChangesNothing() {
        InsufficientFundsException e = assertThrows(InsufficientFundsException.class,
                () -> db.withConnection(c -> new Bank(RetryPolicy.defaults()).transfer(c, 2, 1, new BigDecimal("1000.01"))));
        assertEquals("insufficient funds: account 2 has 1000.00, the transfer needs 1000.01", e.getMessage());
        assertEquals(2, e.accountId());
        assertEquals(openingBalances(), db.withConnection(Bank::balances));
        assertEquals(List.of(), log());
    }

    @Test
    void badRequestsAreRefusedWithTheReason() {
        Bank bank = new Bank(RetryPolicy.defaults());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> db.withConnection(c -> bank.transfer(c, 4, 40, BigDecimal.ONE)));
        assertEquals("transfer 4 -> 40: account 40 does not exist", unknown.getMessage());
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class, () -> db.withConnection(c -> bank.transfer(c, 4, 4, BigDecimal.ONE)));
        assertEquals("transfer 4 -> 4: the accounts must differ", same.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> db.withConnection(c -> bank.transfer(c, 4, 5, new BigDecimal("-3"))));
        assertEquals("transfer 4 -> 5: amount -3 must be positive", negative.getMessage());
        assertEquals(openingBalances(), db.withConnection(Bank::balances));
    }

    @Test
    void aDeadlockIsRolledBackAndRetried() throws Exception {
        TransferResult result = transferIntoADeadlock(new Bank(RetryPolicy.defaults()));
        assertEquals(2, result.attempts());
        assertEquals(1, result.retries());
        Map<Long, BigDecimal> balances = db.withConnection(Bank::balances);
        assertEquals(new BigDecimal("990.00"), balances.get(1L));
        assertEquals(new BigDecimal("1010.00"), balances.get(2L));
        assertEquals(List.of(new Logged(1, 2, new BigDecimal("10.00"))), log());
    }

    @Test
    void whenEveryAttemptLosesTheFailureSaysHowOftenAndWhy() {
        ExecutionFailure failure = assertThrows(ExecutionFailure.class,
                () -> transferIntoADeadlock(new Bank(RetryPolicy.defaults().withMaxAttempts(1))));
        DatabaseException e = (DatabaseException) failure.getCause();
        assertEquals("transfer 1 -> 2 failed after 1 attempt (40P01 deadlock detected)", e.getMessage());
        assertEquals("40P01", e.sqlState());
        assertEquals(openingBalances(), db.withConnection(Bank::balances));
        assertEquals(List.of(), log());
    }

    @Test
    void retryPolicyRefusesSettingsThatCannotWork() {
        IllegalArgumentException attempts = assertThrows(IllegalArgumentException.class, () -> RetryPolicy.defaults().withMaxAttempts(0));
        assertEquals("maxAttempts is 0: it counts the first attempt too, so it must be at least 1 (1 = no retries)", attempts.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(5)));
        assertEquals("backoff 10..5 ms is not a range: need 0 <= minBackoff <= maxBackoff", range.getMessage());
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(2), Duration.ofMillis(6));
        for (int retry = 1; retry < 10; retry++) {
            Duration pause = policy.backoff(retry);
            assertTrue(pause.compareTo(Duration.ofMillis(2)) >= 0 && pause.compareTo(Duration.ofMillis(6)) <= 0, pause.toString());
        }
    }

    /**
     * 8 threads transfer at random between 4 accounts, half of them in the opposite direction of
     * the other half. The total stays the same, every committed transfer is logged once, and every
     * balance is its opening balance plus what the log says came in minus what went out.
     */
    @ParameterizedTest
    @ValueSource(ints = {Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE})
    void concurrentTransfersInOppositeDirectionsLoseNothing(int isolation) throws Exception {
        int threads = 8;
        int perThread = 150;
        Bank bank = new Bank(new RetryPolicy(50, Duration.ofMillis(1), Duration.ofMillis(20)));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            boolean upwards = t % 2 == 0;
            long seed = t;
            futures.add(pool.submit(() -> {
                Outcome outcome = new Outcome();
                SplittableRandom random = new SplittableRandom(seed);
                try (Connection c = db.open()) {
                    c.setTransactionIsolation(isolation);
                    for (int i = 0; i < perThread; i++) {
                        long a = 1 + random.nextInt(4);
                        long b = 1 + (a + random.nextInt(3)) % 4;
                        long from = upwards ? Math.min(a, b) : Math.max(a, b);
                        long to = upwards ? Math.max(a, b) : Math.min(a, b);
                        try {
                            TransferResult r = bank.transfer(c, from, to, BigDecimal.valueOf(1 + random.nextInt(400)));
                            outcome.committed.add(r.transferId());
                            outcome.retries += r.retries();
                        } catch (InsufficientFundsException e) {
                            outcome.rejected++;
                        } catch (DatabaseException e) {
                            if (!Bank.RETRYABLE.contains(e.sqlState())) {
                                throw e;
                            }
                            outcome.exhausted++;
                        }
                    }
                }
                return outcome;
            }));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES), "transfers did not finish");
        Set<Long> committed = new HashSet<>();
        Outcome total = new Outcome();
        for (Future<Outcome> f : futures) {
            Outcome o = f.get();
            o.committed.forEach(id -> assertTrue(committed.add(id), "transfer id " + id + " returned twice"));
            total.retries += o.retries;
            total.rejected += o.rejected;
            total.exhausted += o.exhausted;
        }
        System.out.printf("isolation %d: %d committed, %d rejected, %d gave up, %d retries%n",
                isolation, committed.size(), total.rejected, total.exhausted, total.retries);

        assertEquals(threads * perThread, committed.size() + total.rejected + total.exhausted);
        List<Logged> log = log();
        assertEquals(committed, new HashSet<>(loggedIds()));
        Map<Long, BigDecimal> expected = openingBalances();
        for (Logged l : log) {
            expected.merge(l.from(), l.amount().negate(), BigDecimal::add);
            expected.merge(l.to(), l.amount(), BigDecimal::add);
        }
        Map<Long, BigDecimal> balances = db.withConnection(Bank::balances);
        assertEquals(expected, balances);
        assertEquals(OPENING.multiply(BigDecimal.TEN), balances.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    static final class Outcome {
        final List<Long> committed = new ArrayList<>();
        long retries;
        int rejected;
        int exhausted;
    }

    /**
     * Provokes one real deadlock against the transfer 1 -> 2: another transaction holds account 2,
     * the transfer locks account 1 and waits for 2, then the other transaction asks for account 1.
     * The transfer waited first, so its deadlock check (after deadlock_timeout) runs first and
     * PostgreSQL aborts it with 40P01 (the backend that finds a deadlock aborts its own transaction); the other transaction then gets account 1 and commits.
     */
    private static TransferResult transferIntoADeadlock(Bank bank) throws Exception {
        ExecutorService transferThread = Executors.newSingleThreadExecutor();
        try (Connection other = db.open(); Connection c = db.open()) {
            int transferPid = backendPid(c);
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.executeUpdate("UPDATE accounts SET balance = balance WHERE id = 2");
                Future<TransferResult> transfer = transferThread.submit(() -> bank.transfer(c, 1, 2, new BigDecimal("10.00")));
                awaitLockWait(transferPid);
                // Half of deadlock_timeout (1 s by default) between the two waits: the transfer's
                // check then runs well before this side's, even on a busy machine.
                Thread.sleep(500);
                s.executeQuery("SELECT balance FROM accounts WHERE id = 1 FOR UPDATE").close();
                other.commit();
                try {
                    return transfer.get(1, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    throw new ExecutionFailure(e.getCause());
                }
            }
        } finally {
            transferThread.shutdownNow();
        }
    }

    /** What the transfer thread threw. */
    static final class ExecutionFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ExecutionFailure(Throwable cause) {
            super(cause);
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void awaitLockWait(int pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = ?")) {
            ps.setInt(1, pid);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("backend " + pid + " never waited for a row lock");
    }

    record Logged(long from, long to, BigDecimal amount) {}

    private static List<Logged> log() {
        return db.withConnection(c -> {
            List<Logged> log = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT from_id, to_id, amount FROM transfers ORDER BY id")) {
                while (rs.next()) {
                    log.add(new Logged(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)));
                }
            }
            return log;
        });
    }

    private static List<Long> loggedIds() {
        return db.withConnection(c -> {
            List<Long> ids = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM transfers")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    private static Map<Long, BigDecimal> openingBalances() {
        Map<Long, BigDecimal> balances = new HashMap<>();
        for (long id = 1; id <= 10; id++) {
            balances.put(id, OPENING);
        }
        return balances;
    }
}
