package dev.dbbench.core.orm;

import dev.dbbench.core.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The guide's two tables, {@code users} and {@code orders}, with the composite index
 * {@code idx_orders_user_status (user_id, status)}.
 *
 * <p>The DDL differs by dialect where the databases do: SQLite's {@code INTEGER PRIMARY KEY} is the
 * rowid and needs no sequence, it has no boolean (0/1), no exact decimal (whole cents, see
 * {@link Money}) and no timestamp type (epoch microseconds, see {@code Columns}). The guide also
 * asks for a separate index on {@code email}; the UNIQUE constraint already is one in both databases.
 * Foreign keys cascade on delete in the database itself, so deleting a user removes their orders
 * whichever code deletes it (SQLite enforces this only with {@code PRAGMA foreign_keys=ON}, which
 * {@code Databases.sqlite} sets).
 */
public final class UserOrderSchema {
    private static final List<String> SQLITE = List.of("""
            CREATE TABLE users (
                id         INTEGER PRIMARY KEY,
                email      TEXT    NOT NULL UNIQUE,
                name       TEXT    NOT NULL,
                is_active  INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
                created_at INTEGER NOT NULL
            )""", """
            CREATE TABLE orders (
                id         INTEGER PRIMARY KEY,
                user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                total      INTEGER NOT NULL,
                status     TEXT    NOT NULL DEFAULT 'pending',
                created_at INTEGER NOT NULL
            )""",
            "CREATE INDEX idx_orders_user_status ON orders (user_id, status)");

    private static final List<String> POSTGRES = List.of("""
            CREATE TABLE users (
                id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email      VARCHAR(255) NOT NULL UNIQUE,
                name       VARCHAR(100) NOT NULL,
                is_active  BOOLEAN      NOT NULL DEFAULT TRUE,
                created_at TIMESTAMPTZ  NOT NULL
            )""", """
            CREATE TABLE orders (
                id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                user_id    BIGINT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                total      NUMERIC(12, 2) NOT NULL,
                status     VARCHAR(20)   NOT NULL DEFAULT 'pending',
                created_at TIMESTAMPTZ   NOT NULL
            )""",
            "CREATE INDEX idx_orders_user_status ON orders (user_id, status)");

    private UserOrderSchema() {}

    /** Creates both tables and the index; fails if they exist. */
    public static void create(Connection c, Dialect dialect) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : dialect == Dialect.SQLITE ? SQLITE : POSTGRES) {
                s.execute(ddl);
            }
        }
    }

    /** Drops both tables if they exist (orders first: it references users). */
    public static void drop(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS orders");
            s.execute("DROP TABLE IF EXISTS users");
        }
    }
}
