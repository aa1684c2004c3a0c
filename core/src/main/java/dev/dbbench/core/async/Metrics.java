package dev.dbbench.core.async;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The guide's PostgreSQL {@code metrics} operations (section 8). The SQL is written once, with the
 * wire protocol's {@code $n} placeholders that the Vert.x client ({@link AsyncPg}) sends as they
 * are; the blocking JDBC methods here run the same text with pgjdbc's {@code ?} placeholders, so
 * the async and blocking ways send identical statements to the server.
 */
public final class Metrics {
    static final String CREATE_TABLE = """
            CREATE TABLE IF NOT EXISTS metrics (
                id SERIAL PRIMARY KEY,
                name TEXT NOT NULL,
                value DOUBLE PRECISION NOT NULL,
                recorded_at TIMESTAMPTZ DEFAULT NOW()
            )""";

    static final String INSERT_RETURNING = """
            INSERT INTO metrics (name, value)
            VALUES ($1, $2)
            RETURNING id, recorded_at""";

    static final String INSERT = "INSERT INTO metrics (name, value) VALUES ($1, $2)";

    // The guide orders by avg_value alone; name breaks ties so the result is repeatable.
    static final String TOP_AVERAGES = """
            SELECT name, avg(value) AS avg_value
            FROM metrics
            GROUP BY name
            ORDER BY avg_value DESC, name
            LIMIT $1""";

    static final String BY_ID = "SELECT id, name, value, recorded_at FROM metrics WHERE id = $1";

    private static final Pattern NUMBERED_PARAMETER = Pattern.compile("\\$\\d+");

    private Metrics() {}

    /**
     * The guide's bulk data, {@code [(f"metric_{i}", float(i)) for i in range(n)]}: n rows with n
     * distinct names.
     */
    public static List<MetricSample> guideSamples(int n) {
        List<MetricSample> samples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            samples.add(new MetricSample("metric_" + i, i));
        }
        return samples;
    }

    /** Creates the table when it does not exist yet. */
    public static void createTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(CREATE_TABLE);
        }
    }

    /** Inserts one metric and returns the id and timestamp the server gave it. */
    public static InsertedMetric insert(Connection c, String name, double value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(jdbc(INSERT_RETURNING))) {
            ps.setString(1, name);
            ps.setDouble(2, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new InsertedMetric(rs.getLong(1), instant(rs, 2));
            }
        }
    }

    /**
     * Inserts all {@code samples} as one JDBC batch and returns the number of rows inserted. pgjdbc
     * sends the batch with a single Sync, so in auto-commit mode it is one implicit transaction:
     * all rows or none, like {@link AsyncPg#insertMetrics(List)}.
     */
    public static int insertBatch(Connection c, List<MetricSample> samples) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(jdbc(INSERT))) {
            for (MetricSample sample : samples) {
                ps.setString(1, sample.name());
                ps.setDouble(2, sample.value());
                ps.addBatch();
            }
            int inserted = 0;
            for (int count : ps.executeBatch()) {
                inserted += count;
            }
            return inserted;
        }
    }

    /** The guide's grouped query: the {@code limit} names with the highest average value (it uses 10). */
    public static List<MetricAverage> topAverages(Connection c, int limit) throws SQLException {
        checkLimit(limit);
        try (PreparedStatement ps = c.prepareStatement(jdbc(TOP_AVERAGES))) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<MetricAverage> rows = new ArrayList<>(limit);
                while (rs.next()) {
                    rows.add(new MetricAverage(rs.getString(1), rs.getDouble(2)));
                }
                return rows;
            }
        }
    }

    /** A point select by primary key. */
    public static Optional<Metric> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(jdbc(BY_ID))) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Metric(rs.getLong(1), rs.getString(2), rs.getDouble(3), instant(rs, 4)));
            }
        }
    }

    /** {@code $1, $2, ...} to {@code ?}: valid because every statement here uses each parameter once, in order. */
    static String jdbc(String sql) {
        return NUMBERED_PARAMETER.matcher(sql).replaceAll("?");
    }

    static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
