package dev.dbbench.bench.sqlite.paging;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.index.GuideTables;
import dev.dbbench.core.index.GuideUser;
import dev.dbbench.core.paging.KeysetPager;
import dev.dbbench.core.paging.OffsetPager;
import dev.dbbench.core.paging.Page;
import dev.dbbench.core.paging.PagedQuery;
import dev.dbbench.core.provision.SqliteDirectory;
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
 * What does one page of 1,000 rows cost deep into a 1,000,000-row SQLite table, by OFFSET and by
 * key?
 *
 * <p>Measured: reading the page that starts {@code depth} rows in (users ordered by id, six
 * columns, mapped to {@link GuideUser}) on one open connection; the page is returned. The keyset
 * read starts after the id of the row before {@code depth}, found once in trial setup, as an
 * application would have it from the previous page. Excluded: creating and filling the table (once
 * per trial; nothing is written while measuring) and opening the connection.
 *
 * <p>Expected: keyset flat, the same at every depth (the primary key finds the first row);
 * offset the same as keyset at depth 0 and growing in proportion to {@code depth}, since SQLite
 * steps over every skipped row: at 900,000 one offset page costs about as much as reading the
 * hundreds of pages before it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@State(Scope.Thread)
public class SqlitePageDepthBenchmark {
    static final int ROWS = 1_000_000;
    static final int PAGE_SIZE = 1_000;
    static final PagedQuery USERS = PagedQuery.of("users", "id", List.of("id", "email", "name", "is_active", "created_at", "bio"));

    @Param({"0", "10000", "100000", "900000"})
    int depth;

    /** The table's size; a test makes it smaller. */
    int tableRows = ROWS;

    private SqliteDirectory dir;
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
        dir = SqliteDirectory.create();
        db = Databases.sqlite(dir.file("paging.db"));
        db.useTransaction(c -> {
            GuideTables.create(c, Dialect.SQLITE);
            GuideTables.insertUsers(c, Dialect.SQLITE, 1, tableRows);
        });
        connection = db.open();
        GuideTables.analyze(connection, Dialect.SQLITE);
        offset = new OffsetPager<>(USERS, PAGE_SIZE, rs -> GuideUser.read(rs, Dialect.SQLITE));
        keyset = new KeysetPager<>(USERS, PAGE_SIZE, rs -> GuideUser.read(rs, Dialect.SQLITE));
        keyBeforeDepth = depth == 0 ? KeysetPager.BEFORE_FIRST : offset.page(connection, depth - 1).rows().get(0).id();
    }

    @TearDown(Level.Trial)
    public void removeUsers() throws SQLException {
        try {
            connection.close();
        } finally {
            db.close();
            dir.close();
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
