package dev.dbbench.core.pool;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.SqliteDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every pool kind over a SQLite file in a temporary directory. */
class SqlitePoolTest extends PoolContract {
    private static SqliteDirectory dir;

    @BeforeAll
    static void createDirectory() {
        dir = SqliteDirectory.create();
    }

    @AfterAll
    static void removeDirectory() {
        dir.close();
    }

    @Override
    Database database() {
        return Databases.sqlite(dir.file("pool.db"));
    }

    @ParameterizedTest
    @EnumSource(value = PoolKind.class, names = {"HIKARI", "DBCP2", "TOMCAT"})
    void aPoolThatCannotOpenItsFirstConnectionSaysSo(PoolKind kind) {
        Database unreachable = Databases.sqlite(dir.file("missing-directory").resolve("pool.db"));
        DatabaseException e = assertThrows(DatabaseException.class, () -> ConnectionPools.create(kind, unreachable, SMALL));
        assertTrue(e.getMessage().startsWith("[" + kind.label() + "] start pool failed: cannot open its first connections ("), e.getMessage());
    }
}
