package dev.dbbench.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteIndexTest extends IndexContract {

    @Override
    Database database() {
        return Databases.sqliteInMemory();
    }

    @Override
    Object timestampParameter(LocalDateTime value) {
        return value.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    @Test
    void coveringIndexIsRefusedWithTheFix() throws SQLException {
        UnsupportedIndexException e = assertThrows(UnsupportedIndexException.class, () -> Indexes.create(c, Dialect.SQLITE, GuideIndexes.ORDERS_COVERING));
        assertEquals("[sqlite] covering index idx_orders_covering on orders cannot be created: SQLite has no INCLUDE clause. "
                + "Append the included columns to the key instead: IndexDefinition.Composite(\"idx_orders_covering\", \"orders\", List.of(\"user_id\", \"status\", \"total\"))",
                e.getMessage());
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'idx_orders_covering'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void theSuggestedKeyOnlyIndexCoversTheQueryOnSqlite() throws SQLException {
        List<Double> before = queries.totalsOfUserByStatus(c, 42, "paid");
        Indexes.create(c, Dialect.SQLITE, new IndexDefinition.Composite("idx_orders_covering", "orders", List.of("user_id", "status", "total")));
        GuideTables.analyze(c, Dialect.SQLITE);
        QueryPlan plan = plan(GuideQueries.TOTALS_OF_USER_BY_STATUS, 42L, "paid");
        assertTrue(plan.indexOnly("idx_orders_covering"), plan::toString);
        assertEquals(before, queries.totalsOfUserByStatus(c, 42, "paid"));
    }
}
