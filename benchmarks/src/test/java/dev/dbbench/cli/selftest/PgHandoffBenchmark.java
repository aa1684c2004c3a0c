package dev.dbbench.cli.selftest;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.database.Fixture;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.provision.ForkContract;
import dev.dbbench.core.provision.PostgresServer;
import dev.dbbench.core.provision.SharedPostgres;
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
 * settings), not start one of its own, and must be handed the whole fork contract (SQLite and fixture
 * folders, the run's fixture name). The end-to-end test always gives --sqlite-dir, so a missing one
 * here is a hand-over bug. Its table is a fixture, so the run leaves a template behind for the
 * launcher to drop.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@State(Scope.Thread)
@OnDatabase(Dialect.POSTGRES)
public class PgHandoffBenchmark {
    private DatabaseTarget target;
    private Connection connection;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        PostgresServer server = SharedPostgres.get();
        if (server.source() != PostgresServer.Source.EXPLICIT) {
            throw new IllegalStateException("the fork provisioned its own server (" + server.source() + ") instead of using the launcher's");
        }
        ForkContract contract = ForkContract.fromSystemProperties();
        Path sqliteDir = contract.sqliteFolder().orElse(null);
        if (sqliteDir == null || !Files.isDirectory(sqliteDir) || contract.fixtureRun().isEmpty() || contract.fixtureFolder().isEmpty()) {
            throw new IllegalStateException("the fork contract was not handed to the fork whole: " + contract);
        }
        // A fixture built as the run's template (fx_<run>_...): the launcher drops it at the end of the run.
        target = DatabaseTarget.fromFixture(Dialect.POSTGRES, "PgHandoffBenchmark", new Fixture("selftest_one", 1, "rows=1", db -> db.useConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE one (x integer)");
                s.execute("INSERT INTO one VALUES (1)");
            }
        })));
        connection = target.database().open();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        try {
            connection.close();
        } finally {
            target.close();
        }
    }

    @Benchmark
    public int selectOne() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT x FROM one")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
