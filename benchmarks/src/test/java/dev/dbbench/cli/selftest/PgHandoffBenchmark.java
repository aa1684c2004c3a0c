package dev.dbbench.cli.selftest;

import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.PostgresServer;
import dev.dbbench.core.provision.SharedPostgres;
import dev.dbbench.core.provision.SqliteDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Test-only (never in the jar): {@code @OnDatabase(POSTGRES)} makes the launcher provision PostgreSQL; the
 * fork must find the launcher's server through the handed-over system properties (explicit
 * settings), not start one of its own, and must be told the SQLite directory. The end-to-end test
 * always gives --sqlite-dir, so a missing one here is a hand-over bug.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@State(Scope.Thread)
@OnDatabase(Dialect.POSTGRES)
public class PgHandoffBenchmark {
    private PostgresServer server;
    private PgEndpoint db;
    private Connection connection;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        server = SharedPostgres.get();
        if (server.source() != PostgresServer.Source.EXPLICIT) {
            throw new IllegalStateException("the fork provisioned its own server (" + server.source() + ") instead of using the launcher's");
        }
        String sqliteDir = System.getProperty(SqliteDirectory.DIR_PROPERTY);
        if (sqliteDir == null || !Files.isDirectory(Path.of(sqliteDir))) {
            throw new IllegalStateException("-D" + SqliteDirectory.DIR_PROPERTY + " was not handed to the fork: " + sqliteDir);
        }
        db = server.createDatabase("PgHandoffBenchmark");
        connection = db.connect();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        connection.close();
        server.drop(db);
    }

    @Benchmark
    public int selectOne() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
