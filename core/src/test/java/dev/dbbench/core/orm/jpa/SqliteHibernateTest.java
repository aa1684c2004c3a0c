package dev.dbbench.core.orm.jpa;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.SqliteDirectory;
import dev.dbbench.core.sqlite.HostileStrings;
import java.util.List;

class SqliteHibernateTest extends HibernateContract {
    private SqliteDirectory dir;

    @Override
    Database database() {
        dir = SqliteDirectory.create();
        return Databases.sqlite(dir.file("hibernate.db"));
    }

    @Override
    OrmSettings settings() {
        return OrmSettings.sqlite(dir.file("hibernate.db"));
    }

    /** SQLite's TEXT has no length limit: the 100,000-character string too. */
    @Override
    List<String> hostileNames() {
        return HostileStrings.ALL;
    }

    @Override
    void release() {
        dir.close();
    }

    @Override
    boolean sequenceIds() {
        return false;
    }

    /**
     * SQLite has no sequences: Hibernate emulates one with a table that it advances on a second
     * connection, outside the unit of work. Once the unit of work has written, it holds SQLite's one
     * write lock, and the second connection waits for it until the busy timeout: the rows are
     * rolled back and the cause is named. Measured on PostgreSQL only.
     */
    @org.junit.jupiter.api.Test
    void sequenceIdsCannotBeDrawnOnceTheUnitOfWorkHasWritten() {
        dev.dbbench.core.DatabaseException e = org.junit.jupiter.api.Assertions.assertThrows(dev.dbbench.core.DatabaseException.class,
                () -> orm.inStatelessSession(s -> {
                    OrmInserts.insertStateless(s, 10, 1);
                    return null;
                }));
        org.junit.jupiter.api.Assertions.assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("SQLITE_BUSY"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertEquals(0, countRows("users"));
    }

    @Override
    int identityStatementsPerRow() {
        return 2;
    }
}
