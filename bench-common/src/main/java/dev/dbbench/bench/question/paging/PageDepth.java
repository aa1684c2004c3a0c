package dev.dbbench.bench.question.paging;

import dev.dbbench.core.Dialect;
import dev.dbbench.core.index.GuideUser;
import dev.dbbench.core.paging.KeysetPager;
import dev.dbbench.core.paging.OffsetPager;
import dev.dbbench.core.paging.Page;
import dev.dbbench.core.paging.PagedQuery;
import dev.dbbench.core.provision.Scale;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What does one page of 1,000 rows cost deep into a 1,000,000-row table, by OFFSET and by key? The
 * body of the question; a subclass per database names it with {@code @OnDatabase} and says what to
 * expect there.
 *
 * <p>Measured: reading the page that starts {@code depth} rows in (users ordered by id, six
 * columns, mapped to {@link GuideUser}) on one open connection; the page is returned. The keyset
 * read starts after the id of the row before {@code depth}, found once in trial setup, as an
 * application would have it from the previous page. Excluded: creating, filling and analysing the
 * table (once per run, copied per trial; nothing is written while measuring) and opening the connection.
 */
// JMH checks a @Param's class for @State even when it is abstract; the subclass states it again, with its scope.
@State(Scope.Thread)
public abstract class PageDepth {
    public static final int ROWS = 1_000_000;
    public static final int PAGE_SIZE = 1_000;
    public static final PagedQuery USERS = PagingWalk.USERS;

    @Param({"0", "10000", "100000", "900000"})
    public int depth;

    /** The table's size; a test makes it smaller. */
    public int tableRows = ROWS;

    private UsersTable users;
    private Connection connection;
    private OffsetPager<GuideUser> offset;
    private KeysetPager<GuideUser> keyset;
    private long keyBeforeDepth;
    /** {@code depth} at this run's scale. */
    private int at;

    @Setup(Level.Trial)
    public void createUsers() throws SQLException {
        // The smoke profile scales the table and the depth alike (Scale): every depth still runs, on a small table.
        Scale scale = Scale.current();
        int rows = scale.rows(tableRows);
        at = scale.rows(depth);
        if (at >= rows) {
            throw new IllegalArgumentException("depth must be below the table's " + rows + " rows, was " + at);
        }
        users = UsersTable.filled(getClass(), rows);
        connection = users.connection();
        Dialect dialect = users.dialect();
        offset = new OffsetPager<>(USERS, PAGE_SIZE, rs -> GuideUser.read(rs, dialect));
        keyset = new KeysetPager<>(USERS, PAGE_SIZE, rs -> GuideUser.read(rs, dialect));
        keyBeforeDepth = at == 0 ? KeysetPager.BEFORE_FIRST : offset.page(connection, at - 1).rows().get(0).id();
    }

    @TearDown(Level.Trial)
    public void removeUsers() throws SQLException {
        users.close();
    }

    @Benchmark
    public Page<GuideUser> offset() throws SQLException {
        return offset.page(connection, at);
    }

    @Benchmark
    public Page<GuideUser> keyset() throws SQLException {
        return keyset.pageAfter(connection, keyBeforeDepth, at);
    }
}
