package dev.dbbench.core.sqlite;

import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.SqlFunction;
import dev.dbbench.core.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The guide's SQLite {@code users} table (sections 1 and 2): schema, insert-or-ignore, lookup by
 * email, rename, delete of inactive users, and the bulk insert strategies the benchmarks compare.
 *
 * <p>Methods on an instance open a connection of the {@link Database} per call and close it. The
 * static methods taking a {@link Connection} run inside a caller's scope, e.g.
 * {@code db.inTransaction(c -> SqliteUsers.insertOrIgnore(c, user))}, and leave commit to it.
 * Every value is bound as a parameter; no SQL is built from values.
 */
public final class SqliteUsers {

    static final String CREATE_TABLE = """
            CREATE TABLE IF NOT EXISTS users (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                email TEXT UNIQUE NOT NULL,
                name TEXT NOT NULL,
                created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
                is_active BOOLEAN DEFAULT 1
            )""";

    // Kept as in the guide although redundant: UNIQUE already gives email an index. Keeping it
    // means every insert maintains two email indexes, as the guide's Python program does.
    static final String CREATE_EMAIL_INDEX = """
            CREATE INDEX IF NOT EXISTS idx_users_email
            ON users(email)""";

    static final String INSERT_OR_IGNORE = """
            INSERT OR IGNORE INTO users (email, name) VALUES (?, ?)""";

    static final String SELECT_COLUMNS = """
            SELECT id, email, name, created_at, is_active FROM users""";

    static final String FIND_BY_EMAIL = SELECT_COLUMNS + " WHERE email = ?";

    static final String RENAME = """
            UPDATE users SET name = ? WHERE email = ?""";

    static final String SET_ACTIVE = """
            UPDATE users SET is_active = ? WHERE email = ?""";

    static final String DELETE_INACTIVE = """
            DELETE FROM users WHERE is_active = 0""";

    static final String COUNT = """
            SELECT count(*) FROM users""";

    /** Two bound parameters per user: email and name. */
    private static final int PARAMETERS_PER_ROW = 2;

    /** SQLite's CURRENT_TIMESTAMP text form, always UTC. */
    private static final DateTimeFormatter SQLITE_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Database db;

    /** Operations on {@code db}, which must be a SQLite database; call {@link #createSchema()} once. */
    public SqliteUsers(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        if (db.dialect() != Dialect.SQLITE) {
            throw new IllegalArgumentException("[sqlite users] needs a SQLite database, got " + db.dialect() + " (" + db.description()
                    + "). Use Databases.sqlite(path) or Databases.sqliteInMemory()");
        }
    }

    public Database database() {
        return db;
    }

    /** Most users one multi-row VALUES statement may carry under SQLite's bind-parameter limit. */
    public static int maxRowsPerStatement() {
        return Dialect.SQLITE.maxParameters() / PARAMETERS_PER_ROW;
    }

    // ---- operations on a caller's connection ----

    /** Creates the {@code users} table and {@code idx_users_email} if they are missing. */
    public static void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(CREATE_TABLE);
            s.execute(CREATE_EMAIL_INDEX);
        }
    }

    /** INSERT OR IGNORE of one user; true when a row was inserted, false when the email existed. */
    public static boolean insertOrIgnore(Connection c, NewUser user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_OR_IGNORE)) {
            return bind(ps, user).executeUpdate() == 1;
        }
    }

    /** The user with exactly this email (case-sensitive, as SQLite compares TEXT by default). */
    public static Optional<SqliteUser> findByEmail(Connection c, String email) throws SQLException {
        Objects.requireNonNull(email, "email");
        try (PreparedStatement ps = c.prepareStatement(FIND_BY_EMAIL)) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    // ---- operations on the database, one connection per call ----

    public void createSchema() {
        run("create users schema", c -> {
            createSchema(c);
            return null;
        });
    }

    /** The guide's INSERT OR IGNORE in its own transaction; true when a row was inserted. */
    public boolean insertOrIgnore(NewUser user) {
        Objects.requireNonNull(user, "user");
        return run("insert user", c -> insertOrIgnore(c, user));
    }

    public Optional<SqliteUser> findByEmail(String email) {
        return run("find user by email", c -> findByEmail(c, email));
    }

    /** Sets the name of the user with {@code email}; false when there is no such user. */
    public boolean rename(String email, String newName) {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(newName, "newName (users.name is NOT NULL)");
        return run("rename user", c -> {
            try (PreparedStatement ps = c.prepareStatement(RENAME)) {
                ps.setString(1, newName);
                ps.setString(2, email);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Sets {@code is_active}; false when there is no such user. */
    public boolean setActive(String email, boolean active) {
        Objects.requireNonNull(email, "email");
        return run("set user active", c -> {
            try (PreparedStatement ps = c.prepareStatement(SET_ACTIVE)) {
                ps.setBoolean(1, active);
                ps.setString(2, email);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Deletes every user whose {@code is_active} is 0; returns how many were deleted. */
    public int deleteInactive() {
        return run("delete inactive users", c -> {
            try (PreparedStatement ps = c.prepareStatement(DELETE_INACTIVE)) {
                return ps.executeUpdate();
            }
        });
    }

    /** How many users there are. */
    public long count() {
        return run("count users", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(COUNT)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Every user in id order. */
    public List<SqliteUser> all() {
        return run("list users", c -> {
            List<SqliteUser> users = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SELECT_COLUMNS + " ORDER BY id")) {
                while (rs.next()) {
                    users.add(read(rs));
                }
            }
            return users;
        });
    }

    /**
     * The guide's {@code bulk_insert_users}: one JDBC batch of INSERT OR IGNORE in one transaction.
     * Users whose email already exists (in the table or earlier in the list) are skipped.
     *
     * @return how many rows were inserted
     */
    public int bulkInsert(List<NewUser> users) {
        return insertAll(users, UserInsertStrategy.BATCH_ONE_TRANSACTION);
    }

    /**
     * Inserts {@code users} in list order with {@code strategy}, skipping existing emails. Every
     * strategy leaves the same table: same ids, emails and names.
     *
     * @return how many rows were inserted
     */
    public int insertAll(List<NewUser> users, UserInsertStrategy strategy) {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(strategy, "strategy");
        String doing = strategy.name().toLowerCase(Locale.ROOT) + " insert of " + users.size() + " users";
        return switch (strategy) {
            case PER_ROW_COMMIT -> run(doing, c -> insertEachRow(c, users));
            case PER_ROW_ONE_TRANSACTION -> inTransaction(doing, c -> insertEachRow(c, users));
            case BATCH_ONE_TRANSACTION -> inTransaction(doing, c -> insertBatch(c, users));
            case MULTI_ROW_VALUES -> inTransaction(doing, c -> insertMultiRowValues(c, users, maxRowsPerStatement()));
        };
    }

    /**
     * Multi-row VALUES in one transaction with {@code rowsPerStatement} users per statement (the
     * last statement carries the rest).
     *
     * @throws IllegalArgumentException when {@code rowsPerStatement} is outside 1..{@link #maxRowsPerStatement()}
     */
    public int insertMultiRowValues(List<NewUser> users, int rowsPerStatement) {
        Objects.requireNonNull(users, "users");
        checkRowsPerStatement(rowsPerStatement);
        return inTransaction("multi-row values insert of " + users.size() + " users", c -> insertMultiRowValues(c, users, rowsPerStatement));
    }

    static void checkRowsPerStatement(int rowsPerStatement) {
        if (rowsPerStatement < 1 || rowsPerStatement > maxRowsPerStatement()) {
            throw new IllegalArgumentException("[sqlite users] rowsPerStatement must be between 1 and " + maxRowsPerStatement()
                    + " (SQLite binds at most " + Dialect.SQLITE.maxParameters() + " parameters per statement, "
                    + PARAMETERS_PER_ROW + " per user), was " + rowsPerStatement);
        }
    }

    // One prepared statement reused for every row, as Python's sqlite3 statement cache does.
    private static int insertEachRow(Connection c, List<NewUser> users) throws SQLException {
        int inserted = 0;
        try (PreparedUsers prepared = PreparedUsers.on(c)) {
            for (NewUser user : users) {
                inserted += prepared.insertOrIgnore(user) ? 1 : 0;
            }
        }
        return inserted;
    }

    private static int insertBatch(Connection c, List<NewUser> users) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_OR_IGNORE)) {
            for (NewUser user : users) {
                bind(ps, user).addBatch();
            }
            int inserted = 0;
            for (int count : ps.executeBatch()) {
                inserted += count;
            }
            return inserted;
        }
    }

    private static int insertMultiRowValues(Connection c, List<NewUser> users, int rowsPerStatement) throws SQLException {
        int inserted = 0;
        int fullChunks = users.size() / rowsPerStatement;
        if (fullChunks > 0) {
            try (PreparedStatement ps = c.prepareStatement(multiRowInsert(rowsPerStatement))) {
                for (int chunk = 0; chunk < fullChunks; chunk++) {
                    inserted += bindRows(ps, users.subList(chunk * rowsPerStatement, (chunk + 1) * rowsPerStatement)).executeUpdate();
                }
            }
        }
        List<NewUser> rest = users.subList(fullChunks * rowsPerStatement, users.size());
        if (!rest.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(multiRowInsert(rest.size()))) {
                inserted += bindRows(ps, rest).executeUpdate();
            }
        }
        return inserted;
    }

    // Built from a row count only: the text is a fixed prefix and n copies of "(?, ?)".
    static String multiRowInsert(int rows) {
        return "INSERT OR IGNORE INTO users (email, name) VALUES " + String.join(", ", Collections.nCopies(rows, "(?, ?)"));
    }

    private static PreparedStatement bind(PreparedStatement ps, NewUser user) throws SQLException {
        ps.setString(1, user.email());
        ps.setString(2, user.name());
        return ps;
    }

    private static PreparedStatement bindRows(PreparedStatement ps, List<NewUser> users) throws SQLException {
        int p = 1;
        for (NewUser user : users) {
            ps.setString(p++, user.email());
            ps.setString(p++, user.name());
        }
        return ps;
    }

    static SqliteUser read(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String createdAt = rs.getString("created_at");
        Instant created;
        try {
            created = LocalDateTime.parse(createdAt, SQLITE_TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new DatabaseException("[sqlite users] created_at of user id " + id + " is not SQLite's CURRENT_TIMESTAMP form 'YYYY-MM-DD HH:MM:SS': \""
                    + createdAt + "\". Was the row written outside SqliteUsers?", null, e);
        }
        return new SqliteUser(id, rs.getString("email"), rs.getString("name"), created, rs.getInt("is_active") != 0);
    }

    private <T> T run(String doing, SqlFunction<T> work) {
        try (Connection c = db.open()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw DatabaseException.of("[" + db.description() + "] " + doing, e);
        }
    }

    private <T> T inTransaction(String doing, SqlFunction<T> work) {
        return run(doing, c -> Transactions.run(c, work));
    }
}
