package dev.dbbench.core.orm.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Dialect;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Bad settings fail at once in one line naming the setting, the rule and the fix; the password is never shown. */
class OrmSettingsTest {
    @Test
    void theUrlChoosesTheDatabase() {
        assertEquals(Dialect.SQLITE, OrmSettings.sqlite(Path.of("/tmp/x.db")).dialect());
        assertEquals(Dialect.POSTGRES, OrmSettings.of("jdbc:postgresql://127.0.0.1:5432/app", "bench", "secret").dialect());
    }

    @Test
    void anotherDatabasesUrlIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrmSettings.of("jdbc:mysql://localhost/app", "u", "p"));
        assertEquals("[orm] jdbcUrl is neither a SQLite nor a PostgreSQL JDBC URL: \"jdbc:mysql://localhost/app\"."
                + " Expected jdbc:sqlite:<file> or jdbc:postgresql://host:port/database", e.getMessage());
    }

    @Test
    void negativeBatchSizeAndEmptyPoolAreRefused() {
        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
                () -> OrmSettings.sqlite(Path.of("/tmp/x.db")).withJdbcBatchSize(-1));
        assertEquals("[orm] jdbcBatchSize must be >= 0 (0 turns batching off), was -1", batch.getMessage());
        IllegalArgumentException pool = assertThrows(IllegalArgumentException.class,
                () -> new OrmSettings("jdbc:sqlite:/tmp/x.db", "", "", 50, 0));
        assertEquals("[orm] poolSize must be >= 1, was 0", pool.getMessage());
    }

    @Test
    void thePasswordIsNeverShown() {
        String shown = OrmSettings.of("jdbc:postgresql://127.0.0.1:5432/app", "bench", "s3cret-pw").toString();
        assertFalse(shown.contains("s3cret-pw"), shown);
        assertTrue(shown.contains("bench"), shown);
    }

    /** A closed loopback port: nothing leaves the machine. */
    @Test
    void anUnreachableServerFailsInOneLineWithItsSqlState() {
        DatabaseException e = assertThrows(DatabaseException.class,
                () -> Orm.start(OrmSettings.of("jdbc:postgresql://127.0.0.1:1/app", "bench", "s3cret-pw")));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith("[orm] cannot connect to postgresql:127.0.0.1:1/app as bench: 08001"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret-pw"));
        assertEquals("08001", e.sqlState());
    }
}
