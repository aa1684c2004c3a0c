package dev.dbbench.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.index.GuideTables;
import dev.dbbench.core.index.GuideUser;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresPagingTest extends StreamingContract {
    private static PgEndpoint endpoint;

    @BeforeAll
    static void createDatabase() {
        endpoint = SharedPostgres.get().createDatabase("PostgresPagingTest");
    }

    @AfterAll
    static void dropDatabase() {
        SharedPostgres.get().drop(endpoint);
    }

    @Override
    Database database() {
        return Databases.postgres(endpoint);
    }

    @Test
    void streamingRunsInItsOwnTransactionAndLeavesAutoCommitOn() throws SQLException {
        List<Boolean> inTransaction = new ArrayList<>();
        RowStreams.stream(c, Dialect.POSTGRES, "SELECT " + GuideUser.COLUMNS + " FROM users ORDER BY id", List.of(), StreamOptions.guide(), users(),
                chunk -> inTransaction.add(autoCommitOff()));
        assertTrue(inTransaction.stream().allMatch(b -> b), "the cursor needs auto-commit off while rows are read");
        assertTrue(c.getAutoCommit());
    }

    @Test
    void streamingInTheCallersTransactionLeavesItOpen() throws SQLException {
        c.setAutoCommit(false);
        GuideTables.insertUsers(c, Dialect.POSTGRES, USERS + 1, 1);
        List<GuideUser> streamed = new ArrayList<>();
        RowStreams.stream(c, Dialect.POSTGRES, "SELECT " + GuideUser.COLUMNS + " FROM users WHERE id > ?", List.of((long) USERS), StreamOptions.guide(), users(),
                streamed::addAll);
        assertEquals(1, streamed.size());
        c.rollback();
        c.setAutoCommit(true);
        assertEquals(List.of(), selectIds("SELECT id FROM users WHERE id > " + USERS));
    }

    private boolean autoCommitOff() {
        try {
            return !c.getAutoCommit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
