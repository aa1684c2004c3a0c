package dev.dbbench.core.async;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The guide's SQLite {@code events} operations (section 8) as plain blocking JDBC calls on a
 * connection the caller owns. {@link AsyncSqlite} runs these same calls on its worker thread, so
 * the async and direct ways run identical SQL.
 */
public final class Events {
    static final String CREATE_TABLE = """
            CREATE TABLE IF NOT EXISTS events (
                id INTEGER PRIMARY KEY,
                type TEXT NOT NULL,
                data TEXT,
                created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
            )""";

    static final String INSERT = "INSERT INTO events (type, data) VALUES (?, ?)";

    // The guide orders by created_at alone; CURRENT_TIMESTAMP has whole-second resolution, so rows
    // inserted in the same second tie and their order would be arbitrary. id breaks the tie
    // (newest first), which makes the result repeatable and comparable between variants.
    static final String LATEST = """
            SELECT id, type, data, created_at
            FROM events
            ORDER BY created_at DESC, id DESC
            LIMIT ?""";

    /** The format of SQLite's CURRENT_TIMESTAMP: UTC, {@code YYYY-MM-DD HH:MM:SS}. */
    private static final DateTimeFormatter SQLITE_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Events() {}

    /** Creates the table when it does not exist yet. */
    public static void createTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(CREATE_TABLE);
        }
    }

    /** Inserts one event and returns its id; commits only if {@code c} is in auto-commit mode. */
    public static long insert(Connection c, String type, String data) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, type);
            ps.setString(2, data);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("[sqlite] INSERT INTO events returned no generated id");
                }
                return keys.getLong(1);
            }
        }
    }

    /** The newest {@code limit} events, newest first (the guide's query uses 10). */
    public static List<Event> latest(Connection c, int limit) throws SQLException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        try (PreparedStatement ps = c.prepareStatement(LATEST)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<Event> events = new ArrayList<>(limit);
                while (rs.next()) {
                    events.add(new Event(rs.getLong(1), rs.getString(2), rs.getString(3), parseTimestamp(rs.getString(4))));
                }
                return events;
            }
        }
    }

    private static Instant parseTimestamp(String text) throws SQLException {
        try {
            return LocalDateTime.parse(text, SQLITE_TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw new SQLException("[sqlite] events.created_at is not a CURRENT_TIMESTAMP value (YYYY-MM-DD HH:MM:SS): \"" + text + "\"", e);
        }
    }
}
