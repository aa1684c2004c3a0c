package dev.dbbench.core.txn;

import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Transactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The guide's money transfer (section 7) on PostgreSQL: {@code accounts} and a {@code transfers}
 * log. A transfer locks both rows with {@code SELECT ... FOR UPDATE} in id order, so two transfers
 * in opposite directions queue instead of deadlocking; checks the balance (a shortfall is an
 * {@link InsufficientFundsException} that changes nothing); moves the money and logs it in the
 * same transaction. A transaction that loses a race (40001 serialization failure, 40P01 deadlock)
 * is rolled back and run again as the {@link RetryPolicy} allows.
 *
 * <p>Operations run on a connection the caller owns, e.g. one per thread; the connection must be
 * in auto-commit mode between calls (each transfer is its own transaction).
 */
public final class Bank {
    static final String CREATE_SCHEMA = """
            CREATE TABLE IF NOT EXISTS accounts (
                id BIGINT PRIMARY KEY,
                balance NUMERIC(14, 2) NOT NULL CHECK (balance >= 0)
            );
            CREATE TABLE IF NOT EXISTS transfers (
                id BIGSERIAL PRIMARY KEY,
                from_id BIGINT NOT NULL REFERENCES accounts (id),
                to_id BIGINT NOT NULL REFERENCES accounts (id),
                amount NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
                created_at TIMESTAMPTZ NOT NULL DEFAULT now()
            )""";

    static final String OPEN_ACCOUNTS = """
            INSERT INTO accounts (id, balance)
            SELECT g, ? FROM generate_series(1, ?) AS g""";

    static final String LOCK = "SELECT balance FROM accounts WHERE id = ? FOR UPDATE";
    static final String MOVE = "UPDATE accounts SET balance = balance + ? WHERE id = ?";
    static final String LOG = "INSERT INTO transfers (from_id, to_id, amount) VALUES (?, ?, ?) RETURNING id";

    /** 40001 serialization_failure and 40P01 deadlock_detected: the transaction lost a race, running it again may succeed. */
    static final Set<String> RETRYABLE = Set.of("40001", "40P01");

    private final RetryPolicy retry;

    public Bank(RetryPolicy retry) {
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    public RetryPolicy retryPolicy() {
        return retry;
    }

    /** Creates {@code accounts} and {@code transfers} if they are missing. */
    public static void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(CREATE_SCHEMA);
        }
    }

    public static void dropSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS transfers, accounts");
        }
    }

    /** Opens accounts 1..{@code count}, each with {@code balance}. */
    public static void openAccounts(Connection c, int count, BigDecimal balance) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OPEN_ACCOUNTS)) {
            ps.setBigDecimal(1, balance);
            ps.setInt(2, count);
            ps.executeUpdate();
        }
    }

    /** Empties the log and sets every account back to {@code balance}. */
    public static void reset(Connection c, BigDecimal balance) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE transfers RESTART IDENTITY");
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE accounts SET balance = ?")) {
            ps.setBigDecimal(1, balance);
            ps.executeUpdate();
        }
    }

    /** Every account's balance, by id. */
    public static Map<Long, BigDecimal> balances(Connection c) throws SQLException {
        Map<Long, BigDecimal> balances = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, balance FROM accounts ORDER BY id")) {
            while (rs.next()) {
                balances.put(rs.getLong(1), rs.getBigDecimal(2));
            }
        }
        return balances;
    }

    /**
     * Moves {@code amount} from account {@code from} to account {@code to} and logs it, in one
     * transaction, retried on 40001/40P01 as the policy allows.
     *
     * @throws InsufficientFundsException when {@code from} has less than {@code amount} (nothing changes)
     * @throws IllegalArgumentException   for an unknown account, the same account twice, or an amount that is not positive
     * @throws DatabaseException          when every attempt lost a race, or on any other database failure
     */
    public TransferResult transfer(Connection c, long from, long to, BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        if (from == to) {
            throw new IllegalArgumentException("transfer " + from + " -> " + to + ": the accounts must differ");
        }
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("transfer " + from + " -> " + to + ": amount " + amount.toPlainString() + " must be positive");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                long id = Transactions.run(c, tx -> transferOnce(tx, from, to, amount));
                return new TransferResult(id, attempt);
            } catch (SQLException e) {
                if (!RETRYABLE.contains(e.getSQLState())) {
                    throw DatabaseException.of("transfer " + from + " -> " + to, e);
                }
                if (attempt >= retry.maxAttempts()) {
                    throw new DatabaseException("transfer " + from + " -> " + to + " failed after " + attempt
                            + (attempt == 1 ? " attempt" : " attempts") + " (" + describe(e) + ")", e.getSQLState(), e);
                }
                pause(retry.backoff(attempt), from, to);
            }
        }
    }

    private static long transferOnce(Connection c, long from, long to, BigDecimal amount) throws SQLException {
        // Lock the lower id first: every transfer takes the two locks in the same order, so two
        // transfers in opposite directions wait for each other instead of deadlocking.
        BigDecimal fromBalance = null;
        try (PreparedStatement lock = c.prepareStatement(LOCK)) {
            for (long id : new long[] {Math.min(from, to), Math.max(from, to)}) {
                lock.setLong(1, id);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("transfer " + from + " -> " + to + ": account " + id + " does not exist");
                    }
                    if (id == from) {
                        fromBalance = rs.getBigDecimal(1);
                    }
                }
            }
        }
        if (fromBalance.compareTo(amount) < 0) {
            throw new InsufficientFundsException(from, fromBalance, amount);
        }
        try (PreparedStatement move = c.prepareStatement(MOVE)) {
            move.setBigDecimal(1, amount.negate());
            move.setLong(2, from);
            move.addBatch();
            move.setBigDecimal(1, amount);
            move.setLong(2, to);
            move.addBatch();
            move.executeBatch();
        }
        try (PreparedStatement log = c.prepareStatement(LOG)) {
            log.setLong(1, from);
            log.setLong(2, to);
            log.setBigDecimal(3, amount);
            try (ResultSet rs = log.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** "40P01 deadlock detected": the SQLState and the server's message, without pgjdbc's "ERROR: " and detail lines. */
    static String describe(SQLException e) {
        if (e instanceof PSQLException p) {
            ServerErrorMessage server = p.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                return e.getSQLState() + " " + server.getMessage();
            }
        }
        return DatabaseException.describe(e);
    }

    private static void pause(Duration pause, long from, long to) {
        try {
            Thread.sleep(pause.toMillis(), (int) (pause.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("transfer " + from + " -> " + to + " interrupted while waiting to retry", null, e);
        }
    }
}
