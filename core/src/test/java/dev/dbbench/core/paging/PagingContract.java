package dev.dbbench.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.index.GuideTables;
import dev.dbbench.core.index.GuideUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Offset and keyset paging, and streaming, on a real database. Each test creates the tables, fills
 * them and drops them.
 */
abstract class PagingContract {
    // Not a multiple of the page size, so the last page is a short one.
    static final int USERS = 10_500;
    static final int PAGE = 1_000;
    static final PagedQuery ALL_USERS = PagedQuery.of("users", "id", List.of("id", "email", "name", "is_active", "created_at", "bio"));

    Database db;
    Connection c;

    abstract Database database();

    @BeforeEach
    void createTables() throws SQLException {
        db = database();
        c = db.open();
        GuideTables.create(c, db.dialect());
        GuideTables.insertUsers(c, db.dialect(), 1, USERS);
    }

    @AfterEach
    void dropTables() throws SQLException {
        try {
            GuideTables.drop(c);
            c.close();
        } finally {
            db.close();
        }
    }

    RowMapper<GuideUser> users() {
        Dialect dialect = db.dialect();
        return rs -> GuideUser.read(rs, dialect);
    }

    @Test
    void offsetAndKeysetVisitTheSameRowsInTheSameOrder() throws SQLException {
        List<List<GuideUser>> byOffset = pages(new OffsetPager<>(ALL_USERS, PAGE, users()));
        List<List<GuideUser>> byKey = pages(new KeysetPager<>(ALL_USERS, PAGE, users()));

        assertEquals(byOffset, byKey);
        assertEquals(USERS / PAGE + 1, byOffset.size());
        assertEquals(USERS % PAGE, byOffset.get(byOffset.size() - 1).size());
        assertEquals(LongStream.rangeClosed(1, USERS).boxed().toList(), ids(byKey));
    }

    @Test
    void aFilterPagesTheSameWayAsTheGuidesActiveUsers() throws SQLException {
        PagedQuery active = ALL_USERS.onlyWhere("is_active");
        List<List<GuideUser>> byOffset = pages(new OffsetPager<>(active, 100, users()));
        List<List<GuideUser>> byKey = pages(new KeysetPager<>(active, 100, users()));

        assertEquals(byOffset, byKey);
        assertEquals(selectIds("SELECT id FROM users WHERE is_active ORDER BY id"), ids(byKey));
        assertEquals(USERS / 5, ids(byKey).size());
        assertTrue(byKey.stream().flatMap(List::stream).allMatch(GuideUser::active));
    }

    @Test
    void aWalkOverAWholeNumberOfPagesEndsWithAnEmptyOne() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE id > ?")) {
            ps.setInt(1, 3 * PAGE);
            ps.executeUpdate();
        }
        List<Page<GuideUser>> offset = new ArrayList<>();
        List<Page<GuideUser>> keyset = new ArrayList<>();
        assertEquals(3 * PAGE, new OffsetPager<>(ALL_USERS, PAGE, users()).walk(c, offset::add));
        assertEquals(3 * PAGE, new KeysetPager<>(ALL_USERS, PAGE, users()).walk(c, keyset::add));
        assertEquals(List.of(PAGE, PAGE, PAGE, 0), offset.stream().map(p -> p.rows().size()).toList());
        assertEquals(offset.stream().map(Page::rows).toList(), keyset.stream().map(Page::rows).toList());
    }

    @Test
    void aDeepPageIsTheSameByOffsetAndByKey() throws SQLException {
        OffsetPager<GuideUser> offset = new OffsetPager<>(ALL_USERS, PAGE, users());
        KeysetPager<GuideUser> keyset = new KeysetPager<>(ALL_USERS, PAGE, users());
        Page<GuideUser> deep = offset.page(c, 7_000);
        // The key a keyset read starts after: the last key of the row before the depth.
        Page<GuideUser> sameByKey = keyset.pageAfter(c, offset.page(c, 6_999).rows().get(0).id(), 7_000);
        assertEquals(deep, sameByKey);
        assertEquals(7_001, deep.rows().get(0).id());
        assertEquals(keyset.next(c, sameByKey).rows(), offset.next(c, deep).rows());
    }

    @Test
    void rowsInsertedDuringAWalkNeitherRepeatNorSkipRowsByKey() throws SQLException {
        // After every page another connection commits one row behind the walk (a negative id sorts
        // first) and one past the end. Keyset reads carry on from the last key; offsets shift by one.
        List<Long> byKey = walkWhileInserting(new KeysetPager<>(ALL_USERS, PAGE, users()), 0);
        List<Long> byOffset = walkWhileInserting(new OffsetPager<>(ALL_USERS, PAGE, users()), 1_000_000);

        assertEquals(byKey.size(), new HashSet<>(byKey).size(), "keyset visited a row twice");
        assertTrue(isIncreasing(byKey), "keyset went backwards");
        assertTrue(byKey.containsAll(LongStream.rangeClosed(1, USERS).boxed().toList()), "keyset skipped a row that was there all along");
        assertTrue(byKey.stream().noneMatch(id -> id < 0), "keyset read a row inserted behind it");

        assertNotEquals(byOffset.size(), new HashSet<>(byOffset).size(), "offset paging should have read a row twice when rows were inserted before its position");
    }

    @Test
    void settingsThatCannotWorkAreRefused() {
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class, () -> PagedQuery.of("users", "id", List.of("email")));
        assertEquals("columns [email] must include the key column id: the next page starts after the last key read", key.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> PagedQuery.of("users; --", "id", List.of("id")));
        assertEquals("paged query table must match [a-z_][a-z0-9_]* (names come from code, not input), was \"users; --\"", name.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> new KeysetPager<>(ALL_USERS, 0, users()));
        assertEquals("page size must be at least 1 row, was 0", size.getMessage());
    }

    private List<Long> walkWhileInserting(Pager<GuideUser> pager, long base) throws SQLException {
        List<Long> seen = new ArrayList<>();
        long[] inserted = {0};
        try (Connection writer = db.open()) {
            pager.walk(c, page -> {
                page.rows().forEach(u -> seen.add(u.id()));
                if (page.last()) {
                    return;
                }
                inserted[0]++;
                try {
                    GuideTables.insertUsers(writer, db.dialect(), -(base + inserted[0]), 1);
                    GuideTables.insertUsers(writer, db.dialect(), base + USERS * 10L + inserted[0], 1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return seen;
    }

    private List<List<GuideUser>> pages(Pager<GuideUser> pager) throws SQLException {
        List<List<GuideUser>> pages = new ArrayList<>();
        long visited = pager.walk(c, page -> pages.add(page.rows()));
        assertEquals(pages.stream().mapToLong(List::size).sum(), visited);
        // first/next page the same way as walk.
        List<List<GuideUser>> stepped = new ArrayList<>();
        Page<GuideUser> page = pager.first(c);
        stepped.add(page.rows());
        while (!page.last()) {
            page = pager.next(c, page);
            stepped.add(page.rows());
        }
        assertEquals(pages, stepped);
        return pages;
    }

    static List<Long> ids(List<List<GuideUser>> pages) {
        return pages.stream().flatMap(List::stream).map(GuideUser::id).toList();
    }

    List<Long> selectIds(String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static boolean isIncreasing(List<Long> ids) {
        for (int i = 1; i < ids.size(); i++) {
            if (ids.get(i) <= ids.get(i - 1)) {
                return false;
            }
        }
        return true;
    }
}
