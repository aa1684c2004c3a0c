package dev.dbbench.bench.question.paging;

import dev.dbbench.core.Dialect;
import dev.dbbench.core.index.GuideUser;
import dev.dbbench.core.paging.KeysetPager;
import dev.dbbench.core.paging.OffsetPager;
import dev.dbbench.core.paging.PagedQuery;
import dev.dbbench.core.paging.Pager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * How should I walk every row of a large table in pages of 1,000: by OFFSET, as the guide's batch
 * loop does, or by key ({@code WHERE id > last})? The body of the question; a subclass per database
 * names it with {@code @OnDatabase} and says what to expect there.
 *
 * <p>Measured: one whole walk over {@code rows} users (six columns, 100-character bio) in pages of
 * 1,000, each page its own statement on one open connection in auto-commit mode, every row mapped
 * to a {@link GuideUser}; the sum of the ids visited is returned. Excluded: creating, filling and
 * analysing the table (once per trial; nothing is written while measuring, so every walk does the
 * same work) and opening the connection.
 */
// JMH checks a @Param's class for @State even when it is abstract; the subclass states it again, with its scope.
@State(Scope.Thread)
public abstract class PagingWalk {
    public static final int PAGE_SIZE = 1_000;
    public static final PagedQuery USERS = PagedQuery.of("users", "id", List.of("id", "email", "name", "is_active", "created_at", "bio"));

    @Param({"10000", "30000", "100000"})
    public int rows;

    private UsersTable users;
    private Connection connection;
    private OffsetPager<GuideUser> offset;
    private KeysetPager<GuideUser> keyset;

    @Setup(Level.Trial)
    public void createUsers() throws SQLException {
        users = UsersTable.filled(getClass(), rows);
        users.analyze();
        connection = users.connection();
        Dialect dialect = users.dialect();
        offset = new OffsetPager<>(USERS, PAGE_SIZE, rs -> GuideUser.read(rs, dialect));
        keyset = new KeysetPager<>(USERS, PAGE_SIZE, rs -> GuideUser.read(rs, dialect));
    }

    @TearDown(Level.Trial)
    public void removeUsers() throws SQLException {
        users.close();
    }

    // The same warm-up as every other variant, though a shot is long: the baseline is never the only
    // cold one, or its cold start inflates every speed-up judged against it (in the quick run of
    // 2026-11-25 a cold first walk over 100,000 rows was 30% slower than later ones on SQLite, 18% on PostgreSQL).
    @Benchmark
    public long offset() throws SQLException {
        return sumOfIds(offset);
    }

    @Benchmark
    public long keyset() throws SQLException {
        return sumOfIds(keyset);
    }

    private long sumOfIds(Pager<GuideUser> pager) throws SQLException {
        long[] sum = {0};
        pager.walk(connection, page -> page.rows().forEach(u -> sum[0] += u.id()));
        return sum[0];
    }

    /** Every page the offset walk visits, for the test that proves both ways equal. */
    public List<List<GuideUser>> offsetPages() throws SQLException {
        return pages(offset);
    }

    /** Every page the keyset walk visits. */
    public List<List<GuideUser>> keysetPages() throws SQLException {
        return pages(keyset);
    }

    private List<List<GuideUser>> pages(Pager<GuideUser> pager) throws SQLException {
        List<List<GuideUser>> pages = new ArrayList<>();
        pager.walk(connection, page -> pages.add(page.rows()));
        return pages;
    }
}
