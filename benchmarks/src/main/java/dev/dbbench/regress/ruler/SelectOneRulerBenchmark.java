package dev.dbbench.regress.ruler;

import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * A database ruler for {@code compare}: one {@code SELECT 1} round trip to the fork's provisioned
 * PostgreSQL over one open pgjdbc connection. No change to this repository's code touches this path
 * except the driver and the server, so when it moves between base and head forks the machine or the
 * database set-up moved, and database slowdowns seen next to it are reported as unstable.
 *
 * <p>Measured: execute a prepared {@code SELECT 1} and read its one value. Excluded: provisioning the
 * server, creating the database and opening the connection (once per trial).
 *
 * <p>Expected: tens of microseconds (a local round trip: bind, execute, sync), the same in base and
 * head forks within the machine's noise.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
@OnDatabase(Dialect.POSTGRES)
public class SelectOneRulerBenchmark {
    private PgEndpoint endpoint;
    private Database db;
    private Connection connection;
    private PreparedStatement select;

    @Setup(Level.Trial)
    public void connect() throws SQLException {
        endpoint = SharedPostgres.get().createDatabase("SelectOneRulerBenchmark");
        db = Databases.postgres(endpoint);
        connection = db.open();
        select = connection.prepareStatement("SELECT 1");
    }

    @TearDown(Level.Trial)
    public void disconnect() throws SQLException {
        try (Database closing = db; Connection open = connection) {
            // Both closed by the try-with-resources before the database is dropped.
        } finally {
            SharedPostgres.get().drop(endpoint);
        }
    }

    @Benchmark
    public int selectOne() throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                throw new DatabaseException("[postgres] SELECT 1 returned no row: the ruler cannot measure a round trip");
            }
            return rows.getInt(1);
        }
    }
}
