package dev.dbbench.bench.postgres.paging;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.index.GuideTables;
import dev.dbbench.core.index.GuideUser;
import dev.dbbench.core.paging.KeysetPager;
import dev.dbbench.core.paging.OffsetPager;
import dev.dbbench.core.paging.Page;
import dev.dbbench.core.paging.PagedQuery;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does one page of 1,000 rows cost deep into a 1,000,000-row PostgreSQL table, by OFFSET and
 * by key?
 *
 * <p>Measured: reading the page that starts {@code depth} rows in (users ordered by id, six
 * columns, mapped to {@link GuideUser}) on one open connection; the page is returned. The keyset
 * read starts after the id of the row before {@code depth}, found once in trial setup, as an
 * application would have it from the previous page. Excluded: creating the table, filling it with
 * generate_series and VACUUM ANALYZE (once per trial; nothing is written while measuring), opening
 * the connection.
 *
 * <p>Expected: keyset flat, the same at every depth (one index descent finds the first row);
 * offset the same as keyset at depth 0 and growing in proportion to {@code depth}, since the server
 * fetches every skipped row before throwing it away: at 900,000 around a hundred times the cost of
 * the keyset page.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PgPageDepthBenchmark {
    static final int ROWS = 1_000_000;
    static final int PAGE_SIZE = 1_000;
    static final PagedQuery USERS = PagedQuery.of("users", "id", List.of("id", "email", "name", "is_active", "created_at", "bio"));

    @Param({"0", "10000", "100000", "900000"})
    int depth;

    /** The table's size; a test makes it smaller. */
    int tableRows = ROWS;

    private PgEndpoint endpoint;
    private Database db;
    private Connection connection;
    private OffsetPager<GuideUser> offset;
    private KeysetPager<GuideUser> keyset;
    private long keyBeforeDepth;

    @Setup(Level.Trial)
    public void createUsers() throws SQLException {
        if (depth >= tableRows) {
            throw new IllegalArgumentException("depth must be below the table's " + tableRows + " rows, was " + depth);
        }
        endpoint = SharedPostgres.get().createDatabase("PgPageDepthBenchmark");
        db = Databases.postgres(endpoint);
        db.useTransaction(c -> {
            GuideTables.create(c, Dialect.POSTGRES);
            GuideTables.insertUsers(c, Dialect.POSTGRES, 1, tableRows);
        });
        connection = db.open();
        GuideTables.analyze(connection, Dialect.POSTGRES);
        offset = new OffsetPager<>(USERS, PAGE_SIZE, rs -> GuideUser.read(rs, Dialect.POSTGRES));
        keyset = new KeysetPager<>(USERS, PAGE_SIZE, rs -> GuideUser.read(rs, Dialect.POSTGRES));
        keyBeforeDepth = depth == 0 ? KeysetPager.BEFORE_FIRST : offset.page(connection, depth - 1).rows().get(0).id();
    }

    @TearDown(Level.Trial)
    public void removeUsers() throws SQLException {
        try {
            connection.close();
        } finally {
            db.close();
            SharedPostgres.get().drop(endpoint);
        }
    }

    @Benchmark
    public Page<GuideUser> offset() throws SQLException {
        return offset.page(connection, depth);
    }

    @Benchmark
    public Page<GuideUser> keyset() throws SQLException {
        return keyset.pageAfter(connection, keyBeforeDepth, depth);
    }
}
