package dev.dbbench.bench.postgres.txn;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.txn.Bank;
import dev.dbbench.core.txn.InsufficientFundsException;
import dev.dbbench.core.txn.RetryPolicy;
import dev.dbbench.core.txn.TransferResult;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How do the guide's locked transfers ({@code SELECT ... FOR UPDATE}, section 7) scale with
 * concurrent clients, on a few hot accounts and on many cold ones? Each method is one thread count
 * (1, 2, 4, 8; JMH's {@code -t} is a run-wide option, so the count is fixed per method with
 * {@code @Threads}); {@code accounts} is 10 (hot: most concurrent transfers share an account) or
 * 1,000 (cold: they rarely do).
 *
 * <p>Measured: transfers per second over all threads, each transfer one committed transaction
 * (two row locks in id order, two updates, one insert into the log) on the thread's own open
 * connection, between two random distinct accounts, amount 1.00. Retries of 40001/40P01 and
 * refused transfers are counted per iteration as secondary metrics ({@code retries},
 * {@code rejected}). Excluded: opening connections and the accounts (per trial); before every
 * iteration the log is emptied and every balance set back to its opening value (not measured), so
 * every iteration starts from the same state and no transfer is refused.
 *
 * <p>Expected: at 1 thread hot and cold equal. Cold accounts gain with threads only while a core
 * is free: 2 cores run the clients and the server backends both, so little beyond 2 threads, and
 * each commit's WAL flush can be shared by group commit. Hot accounts gain less or lose: threads
 * queue on the same row locks, a waiter wakes only after the holder commits. {@code retries}
 * should be 0 throughout: the fixed lock order rules out deadlocks, and at READ COMMITTED a
 * blocked {@code FOR UPDATE} re-reads the committed row instead of failing with 40001.
 *
 * <p>Quick settings: 2 forks x (2 x 200 ms warm-up + 3 x 200 ms), about 43 s for its 8 combinations
 * (measured: the mean of the two quick runs of 2026-12-03 on a clean clone, third session;
 * the whole quick plan is in docs/quick-budget.md). Two
 * forks because the report's interval treats the fork as the unit and gives no verdict from one;
 * operations of microseconds to about a millisecond, so an iteration of 0.2 s holds hundreds to
 * thousands of them and the time goes to a second fork instead.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Benchmark)
@OnDatabase(Dialect.POSTGRES)
public class PgTransferBenchmark {
    /** Large enough that no transfer of an iteration is refused: at most a few thousand of 1.00 each. */
    static final BigDecimal OPENING = new BigDecimal("1000000.00");
    static final BigDecimal AMOUNT = new BigDecimal("1.00");

    @Param({"10", "1000"})
    int accounts;

    PgEndpoint endpoint;
    private DatabaseTarget target;
    final Bank bank = new Bank(RetryPolicy.defaults().withMaxAttempts(10));

    @Setup(Level.Trial)
    public void openAccounts() throws SQLException {
        target = DatabaseTarget.of(getClass());
        endpoint = target.endpoint();
        try (Connection c = endpoint.connect()) {
            Bank.createSchema(c);
            Bank.openAccounts(c, accounts, OPENING);
        }
    }

    @Setup(Level.Iteration)
    public void resetBalances() throws SQLException {
        try (Connection c = endpoint.connect()) {
            Bank.reset(c, OPENING);
        }
    }

    @TearDown(Level.Trial)
    public void dropDatabase() {
        target.close();
    }

    /** One client: its connection and its random account pairs. */
    @State(Scope.Thread)
    public static class Client {
        Connection connection;
        SplittableRandom random;

        @Setup(Level.Trial)
        public void connect(PgTransferBenchmark bench) throws SQLException {
            connection = bench.endpoint.connect();
            // Seeded per thread: the pairs differ between threads but are the same in every run.
            random = new SplittableRandom(Thread.currentThread().getId());
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** Secondary metrics per thread and iteration; JMH sums them over threads. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Outcomes {
        /** Every transfer attempted, so the report can give retries per transfer (JMH gives no ratio of counters). */
        public long transfers;
        public long retries;
        public long rejected;

        @Setup(Level.Iteration)
        public void clear() {
            transfers = 0;
            retries = 0;
            rejected = 0;
        }
    }

    TransferResult transfer(Client client, Outcomes outcomes) {
        long from = 1 + client.random.nextInt(accounts);
        long to = 1 + (from + client.random.nextInt(accounts - 1)) % accounts;
        outcomes.transfers++;
        try {
            TransferResult result = bank.transfer(client.connection, from, to, AMOUNT);
            outcomes.retries += result.retries();
            return result;
        } catch (InsufficientFundsException e) {
            outcomes.rejected++;
            return null;
        }
    }

    @Benchmark
    @Threads(1)
    public TransferResult threads1(Client client, Outcomes outcomes) {
        return transfer(client, outcomes);
    }

    @Benchmark
    @Threads(2)
    public TransferResult threads2(Client client, Outcomes outcomes) {
        return transfer(client, outcomes);
    }

    @Benchmark
    @Threads(4)
    public TransferResult threads4(Client client, Outcomes outcomes) {
        return transfer(client, outcomes);
    }

    @Benchmark
    @Threads(8)
    public TransferResult threads8(Client client, Outcomes outcomes) {
        return transfer(client, outcomes);
    }
}
