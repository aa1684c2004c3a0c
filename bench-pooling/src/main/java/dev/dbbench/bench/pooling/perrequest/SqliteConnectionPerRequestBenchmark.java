package dev.dbbench.bench.pooling.perrequest;

import dev.dbbench.bench.pooling.Operation;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/*
 * Does pooling beat a connection per request on a SQLite file "dramatically"?
 *
 * Measured: one caller's requests per millisecond (SELECT_1 and TRANSACTION as in the
 * PostgreSQL class) through each pool and through no pool, where every request opens the file
 * (sqlite3_open, reading the schema, the guide's PRAGMAs journal_mode=WAL and foreign_keys=ON) and
 * closes it again.
 * Excluded: filling the pools; emptying the users table (per iteration).
 * Expected: NONE well below the pools for BORROW and SELECT_1, though by less than on PostgreSQL: an
 * open is a file open and a few PRAGMAs in this process, no network and no server process. For
 * TRANSACTION the commit (an fsync of the WAL with synchronous=FULL) dominates and the gap shrinks
 * most.
 * Quick settings: 2 forks x (2 x 200 ms warm-up + 3 x 200 ms), about 30 s for its 10 combinations
 * (measured: the mean of the two quick runs of 2026-12-03 on a clean clone, third session;
 * the whole quick plan is in docs/quick-budget.md). Two
 * forks because the report's interval treats the fork as the unit and gives no verdict from one;
 * operations of microseconds to about a millisecond, so an iteration of 0.2 s holds hundreds to
 * thousands of them and the time goes to a second fork instead.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@Threads(1)
@State(Scope.Benchmark)
@OnDatabase(Dialect.SQLITE)
public class SqliteConnectionPerRequestBenchmark extends ConnectionPerRequest {
    /** BORROW differs from SELECT_1 here only by an in-process call; add it with -p op=BORROW,SELECT_1,TRANSACTION. */
    @Param({"SELECT_1", "TRANSACTION"})
    public Operation op;

    @Override
    protected Operation operation() {
        return op;
    }
}
