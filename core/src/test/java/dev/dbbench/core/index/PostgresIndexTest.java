package dev.dbbench.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresIndexTest extends IndexContract {
    private static PgEndpoint endpoint;

    @BeforeAll
    static void createDatabase() {
        endpoint = SharedPostgres.get().createDatabase("PostgresIndexTest");
    }

    @AfterAll
    static void dropDatabase() {
        SharedPostgres.get().drop(endpoint);
    }

    @Override
    Database database() {
        return Databases.postgres(endpoint);
    }

    @Override
    Object timestampParameter(LocalDateTime value) {
        return value;
    }

    @Test
    void coveringIndexAnswersFromTheIndexAloneAfterVacuum() throws SQLException {
        List<Double> before = queries.totalsOfUserByStatus(c, 42, "paid");
        QueryPlan without = plan(GuideQueries.TOTALS_OF_USER_BY_STATUS, 42L, "paid");
        assertFalse(without.indexOnly("idx_orders_covering"), without::toString);

        Indexes.create(c, Dialect.POSTGRES, GuideIndexes.ORDERS_COVERING);
        // VACUUM sets the visibility map; without it every row would still be checked in the table.
        GuideTables.analyze(c, Dialect.POSTGRES);

        QueryPlan plan = plan(GuideQueries.TOTALS_OF_USER_BY_STATUS, 42L, "paid");
        assertTrue(plan.indexOnly("idx_orders_covering"), plan::toString);
        assertEquals(List.of("Heap Fetches: 0"), executedPlanLines("Heap Fetches", GuideQueries.TOTALS_OF_USER_BY_STATUS, 42L, "paid"),
                "an index-only scan that still visits the table gains nothing: the visibility map must be set");
        List<Double> after = queries.totalsOfUserByStatus(c, 42, "paid");
        assertEquals(before, after);
        // User 42's orders are 42, 20042, 40042, 60042, 80042; the second is paid, total (20042 % 10000) / 100.
        assertEquals(List.of(0.42), after);
    }

    /** The lines of EXPLAIN ANALYZE (the query is run) that mention {@code what}, trimmed. */
    private List<String> executedPlanLines(String what, String sql, Object... params) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).contains(what)) {
                        lines.add(rs.getString(1).strip());
                    }
                }
            }
        }
        return lines;
    }

    @Test
    void coveringIndexDdlHasTheIncludeClause() {
        assertEquals("CREATE INDEX idx_orders_covering ON orders (user_id, status) INCLUDE (total)", Indexes.createSql(Dialect.POSTGRES, GuideIndexes.ORDERS_COVERING));
        assertEquals("CREATE INDEX idx_active_users ON users (email) WHERE is_active", Indexes.createSql(Dialect.POSTGRES, GuideIndexes.ACTIVE_USERS));
    }
}
