package dev.dbbench.core.sqlite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * The guide's JSON key-value store (section 2) on a SQLite table {@code kv}: values are written
 * as JSON text with Jackson, {@code set} is an upsert that refreshes {@code updated_at}.
 *
 * <p>Like the guide's {@code KVStore}, it keeps one connection open for its lifetime and each
 * {@code set}/{@code delete} commits on its own (auto-commit). Statements are prepared once.
 * Methods are synchronized because a JDBC connection is not safe for concurrent use; for many
 * threads, give each its own store on the same database file.
 *
 * <p><b>Missing key versus stored JSON null.</b> {@code set("k", null)} stores the JSON text
 * {@code null}; the key then exists. {@link #get(String, Class, Object)} returns the default only
 * for a missing key and returns {@code null} for a stored null (as the guide's
 * {@code json.loads("null")} returns None whatever the default). {@link #find(String)} tells the
 * two apart: empty for a missing key, a {@code NullNode} for a stored null.
 */
public final class KvStore implements AutoCloseable {

    static final String CREATE_TABLE = """
            CREATE TABLE IF NOT EXISTS kv (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
            )""";

    static final String GET = """
            SELECT value FROM kv WHERE key = ?""";

    static final String SET = """
            INSERT INTO kv (key, value, updated_at)
            VALUES (?, ?, CURRENT_TIMESTAMP)
            ON CONFLICT(key) DO UPDATE
            SET value = excluded.value,
                updated_at = CURRENT_TIMESTAMP""";

    static final String DELETE = """
            DELETE FROM kv WHERE key = ?""";

    static final String UPDATED_AT = """
            SELECT updated_at FROM kv WHERE key = ?""";

    private static final DateTimeFormatter SQLITE_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Keys can be anything (100k characters too); messages quote only their start. */
    private static final int KEY_CHARS_IN_MESSAGES = 60;

    private final String description;
    private final ObjectMapper mapper;
    private final Connection connection;
    private final PreparedStatement get;
    private final PreparedStatement set;
    private final PreparedStatement delete;

    private KvStore(Database db, ObjectMapper mapper) {
        this.description = "[kv " + db.description() + "]";
        this.mapper = mapper;
        Connection c = db.open();
        try {
            try (Statement s = c.createStatement()) {
                s.execute(CREATE_TABLE);
            }
            this.get = c.prepareStatement(GET);
            this.set = c.prepareStatement(SET);
            this.delete = c.prepareStatement(DELETE);
            this.connection = c;
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw DatabaseException.of(description + " create table kv", e);
        }
    }

    /**
     * A store on {@code db} (table {@code kv}, created if missing) with {@link #defaultMapper()}.
     */
    public static KvStore open(Database db) {
        return open(db, defaultMapper());
    }

    /**
     * Jackson's defaults, except that reading accepts names and strings of any length. Jackson
     * writes a 60,000-character map key without complaint but by default refuses to read names
     * over 50,000 characters (and strings over 20,000,000): a store must read back whatever it
     * wrote, and its input is its own table, not a network peer. SQLite's own limit on a value
     * (SQLITE_MAX_LENGTH, 1,000,000,000 bytes by default) still applies. The nesting-depth limit
     * stays: Jackson refuses to write deeper documents too.
     */
    public static ObjectMapper defaultMapper() {
        StreamReadConstraints unlimitedLengths = StreamReadConstraints.builder()
                .maxNameLength(Integer.MAX_VALUE)
                .maxStringLength(Integer.MAX_VALUE)
                .build();
        return new ObjectMapper(JsonFactory.builder().streamReadConstraints(unlimitedLengths).build());
    }

    /** A store whose values are written and read by {@code mapper} (its modules, its settings, its read limits). */
    public static KvStore open(Database db, ObjectMapper mapper) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(mapper, "mapper");
        if (db.dialect() != Dialect.SQLITE) {
            throw new IllegalArgumentException("[kv] needs a SQLite database, got " + db.dialect() + " (" + db.description()
                    + "). Use Databases.sqlite(path) or Databases.sqliteInMemory()");
        }
        return new KvStore(db, mapper);
    }

    /**
     * The value under {@code key} as {@code type}; {@code defaultValue} when the key is missing,
     * {@code null} when the stored value is JSON null.
     */
    public synchronized <T> T get(String key, Class<T> type, T defaultValue) {
        Objects.requireNonNull(type, "type");
        Optional<String> json = readJson(key);
        if (json.isEmpty()) {
            return defaultValue;
        }
        try {
            return mapper.readValue(json.get(), type);
        } catch (JsonProcessingException e) {
            throw new DatabaseException(description + " value of key " + quote(key) + " cannot be read as " + type.getSimpleName() + " ("
                    + e.getOriginalMessage() + "). Was it written outside KvStore, or with another type?", null, e);
        }
    }

    /** The value under {@code key} as a JSON tree: empty when the key is missing, NullNode for a stored null. */
    public synchronized Optional<JsonNode> find(String key) {
        Optional<String> json = readJson(key);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readTree(json.get()));
        } catch (JsonProcessingException e) {
            throw new DatabaseException(description + " value of key " + quote(key) + " is not JSON (" + e.getOriginalMessage()
                    + "). Was it written outside KvStore?", null, e);
        }
    }

    /** Stores {@code value} (any object Jackson can write, or null) under {@code key}, replacing any value, and commits. */
    public synchronized void set(String key, Object value) {
        Objects.requireNonNull(key, "key");
        String json;
        try {
            json = mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(description + " value for key " + quote(key) + " cannot be written as JSON ("
                    + e.getOriginalMessage() + ")", e);
        }
        try {
            set.setString(1, key);
            set.setString(2, json);
            set.executeUpdate();
        } catch (SQLException e) {
            throw DatabaseException.of(description + " set " + quote(key), e);
        }
    }

    /** Removes {@code key}; true when it existed. */
    public synchronized boolean delete(String key) {
        Objects.requireNonNull(key, "key");
        try {
            delete.setString(1, key);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw DatabaseException.of(description + " delete " + quote(key), e);
        }
    }

    /** When {@code key} was last set (UTC, whole seconds); empty when missing. */
    public synchronized Optional<Instant> updatedAt(String key) {
        Objects.requireNonNull(key, "key");
        try (PreparedStatement ps = connection.prepareStatement(UPDATED_AT)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(LocalDateTime.parse(rs.getString(1), SQLITE_TIMESTAMP).toInstant(ZoneOffset.UTC)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw DatabaseException.of(description + " read updated_at of " + quote(key), e);
        }
    }

    private Optional<String> readJson(String key) {
        Objects.requireNonNull(key, "key");
        try {
            get.setString(1, key);
            try (ResultSet rs = get.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw DatabaseException.of(description + " get " + quote(key), e);
        }
    }

    private static String quote(String key) {
        return key.length() <= KEY_CHARS_IN_MESSAGES
                ? "\"" + key + "\""
                : "\"" + key.substring(0, KEY_CHARS_IN_MESSAGES) + "...\" (" + key.length() + " chars)";
    }

    /** Closes the store's connection; the data stays in the database. */
    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw DatabaseException.of(description + " close", e);
        }
    }
}
