package dev.dbbench.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Databases;
import dev.dbbench.core.async.AsyncPg;
import dev.dbbench.core.async.AsyncPgSettings;
import dev.dbbench.core.async.Metrics;
import dev.dbbench.core.pool.ConnectionPool;
import dev.dbbench.core.pool.ConnectionPools;
import dev.dbbench.core.pool.PoolKind;
import dev.dbbench.core.pool.PoolSettings;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

class LatencyRelayTest {
    static final int COPY_ROWS = 1_000_000;

    static PgEndpoint endpoint;

    @BeforeAll
    static void createDatabase() {
        endpoint = SharedPostgres.get().createDatabase("LatencyRelayTest");
    }

    @AfterAll
    static void dropDatabase() {
        SharedPostgres.get().drop(endpoint);
    }

    /*
     * The relay's job is a time, yet this test cannot fail because the machine is busy: it checks
     * causality, not precision. A query's bytes are held half a round trip on the way in and half
     * on the way out, each from the moment the relay received them, so no relayed query can
     * complete sooner than the configured round trip; noise only makes queries slower. How close
     * the added time comes to the configured one is a measurement, not a test: every --pg-rtt run
     * measures it (AddedRoundTrip, printed and kept in environment.json). An earlier version here
     * asserted "within 20%" on medians and failed CI once at +21.5% on a busy machine.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2ms", "5ms"})
    void noRelayedQueryCompletesSoonerThanTheConfiguredRoundTrip(String value) throws SQLException {
        RoundTrip rtt = RoundTrip.parseList(value, "rtt").get(0);
        try (LatencyRelay relay = LatencyRelay.start(endpoint.host(), endpoint.port(), rtt);
                Connection relayed = through(relay).connect();
                PreparedStatement select = relayed.prepareStatement("SELECT 1")) {
            long fastest = Long.MAX_VALUE;
            for (int i = 0; i < 50; i++) {
                long start = System.nanoTime();
                try (ResultSet rs = select.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(1, rs.getInt(1));
                }
                fastest = Math.min(fastest, System.nanoTime() - start);
            }
            assertTrue(fastest >= rtt.value().toNanos(),
                    "fastest relayed SELECT 1 took " + fastest / 1000 + " us, under the configured " + rtt);
        }
    }

    /** A million rows up with COPY and down again: same count, same bytes in the same order, both ways. */
    @ParameterizedTest
    @ValueSource(strings = {"0", "1ms"})
    void copyOfAMillionRowsPassesUnchangedBothWays(String value) throws Exception {
        byte[] rows = copyRows();
        String sent = md5(rows);
        try (LatencyRelay relay = LatencyRelay.start(endpoint.host(), endpoint.port(), RoundTrip.parseList(value, "rtt").get(0));
                Connection direct = endpoint.connect();
                Connection relayed = through(relay).connect();
                Statement s = direct.createStatement()) {
            s.execute("CREATE TABLE relay_copy (id int PRIMARY KEY, payload text NOT NULL)");
            try {
                CopyManager up = relayed.unwrap(PGConnection.class).getCopyAPI();
                assertEquals(COPY_ROWS, up.copyIn("COPY relay_copy (id, payload) FROM STDIN", new java.io.ByteArrayInputStream(rows)));

                try (ResultSet rs = s.executeQuery("""
                        SELECT count(*), md5(string_agg(id || E'\\t' || payload || E'\\n', '' ORDER BY id)) FROM relay_copy""")) {
                    rs.next();
                    assertEquals(COPY_ROWS, rs.getLong(1));
                    assertEquals(sent, rs.getString(2), "what the server stored");
                }

                ByteArrayOutputStream down = new ByteArrayOutputStream(rows.length);
                assertEquals(COPY_ROWS, up.copyOut("COPY (SELECT id, payload FROM relay_copy ORDER BY id) TO STDOUT", down));
                assertEquals(sent, md5(down.toByteArray()), "what came back through the relay");
            } finally {
                s.execute("DROP TABLE relay_copy");
            }
        }
    }

    /** A JSONB document of several megabytes, written and read back through the relay, byte for byte. */
    @ParameterizedTest
    @ValueSource(strings = {"0", "1ms"})
    void largeJsonbValuePassesUnchanged(String value) throws Exception {
        // Written the way jsonb prints it (", " between elements), so the text read back is comparable as is.
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 200_000; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"i\": ").append(i).append(", \"s\": \"value ").append(i * 7919L % 100_003).append("\"}");
        }
        String document = json.append(']').toString();
        try (LatencyRelay relay = LatencyRelay.start(endpoint.host(), endpoint.port(), RoundTrip.parseList(value, "rtt").get(0));
                Connection direct = endpoint.connect();
                Connection relayed = through(relay).connect();
                Statement s = direct.createStatement()) {
            s.execute("CREATE TABLE relay_doc (id int PRIMARY KEY, doc jsonb NOT NULL)");
            try {
                try (PreparedStatement insert = relayed.prepareStatement("INSERT INTO relay_doc VALUES (1, ?::jsonb)")) {
                    insert.setString(1, document);
                    insert.executeUpdate();
                }
                try (PreparedStatement check = direct.prepareStatement("SELECT jsonb_array_length(doc), md5(doc::text) FROM relay_doc WHERE id = 1");
                        ResultSet rs = check.executeQuery()) {
                    rs.next();
                    assertEquals(200_000, rs.getInt(1));
                    assertEquals(md5(document.getBytes(StandardCharsets.UTF_8)), rs.getString(2), "what the server stored");
                }
                try (PreparedStatement read = relayed.prepareStatement("SELECT doc::text FROM relay_doc WHERE id = 1");
                        ResultSet rs = read.executeQuery()) {
                    rs.next();
                    assertEquals(document, rs.getString(1), "what came back through the relay");
                }
            } finally {
                s.execute("DROP TABLE relay_doc");
            }
        }
    }

    /**
     * The clients the benchmarks use all pass through: each pool, and the Vert.x client with 256
     * queries pipelined on one connection (its bytes interleave with the answers in flight).
     */
    @Test
    void poolsAndThePipelinedVertxClientWorkThroughTheRelay() throws Exception {
        try (LatencyRelay relay = LatencyRelay.start(endpoint.host(), endpoint.port(), RoundTrip.parseList("1ms", "rtt").get(0))) {
            PgEndpoint relayed = through(relay);
            for (PoolKind kind : PoolKind.values()) {
                try (ConnectionPool pool = ConnectionPools.create(kind, Databases.postgres(relayed), PoolSettings.of(2))) {
                    assertEquals(42, (int) pool.withConnection(c -> {
                        try (PreparedStatement ps = c.prepareStatement("SELECT ?::int"); ResultSet rs = withInt(ps, 42).executeQuery()) {
                            rs.next();
                            return rs.getInt(1);
                        }
                    }), kind.name());
                }
            }
            try (Connection direct = endpoint.connect(); Statement s = direct.createStatement()) {
                s.execute("DROP TABLE IF EXISTS metrics");
                try (AsyncPg pg = AsyncPg.connect(relayed, AsyncPgSettings.guide().withPipeliningLimit(256))) {
                    pg.createMetricsTable().join();
                    assertEquals(1000, pg.insertMetrics(Metrics.guideSamples(1000)).join());
                    assertEquals(Metrics.topAverages(direct, 10), pg.topAverages(10).join());
                } finally {
                    s.execute("DROP TABLE IF EXISTS metrics");
                }
            }
        }
    }

    private static PreparedStatement withInt(PreparedStatement ps, int value) throws SQLException {
        ps.setInt(1, value);
        return ps;
    }

    /**
     * Backpressure: a receiver slower than the sender, 32 MB through the relay. At 20 ms the link
     * would hold far more than the relay's in-flight limit, so reading must pause on both counts
     * (receiver not writable, link full) and resume, and still every byte arrives, in order.
     */
    @ParameterizedTest
    @ValueSource(strings = {"0", "20ms"})
    void aSlowReceiverGetsEveryByteInOrder(String value) throws Exception {
        byte[] data = new byte[32 << 20];
        new java.util.Random(18).nextBytes(data);
        try (java.net.ServerSocket slow = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                LatencyRelay relay = LatencyRelay.start("127.0.0.1", slow.getLocalPort(), RoundTrip.parseList(value, "rtt").get(0))) {
            java.util.concurrent.CompletableFuture<String> received = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (java.net.Socket s = slow.accept(); java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream())) {
                    int length = in.readInt();
                    MessageDigest md5 = MessageDigest.getInstance("MD5");
                    byte[] chunk = new byte[64 << 10];
                    for (int left = length; left > 0; ) {
                        int n = in.read(chunk, 0, Math.min(chunk.length, left));
                        if (n < 0) {
                            throw new IllegalStateException("the relay closed after " + (length - left) + " of " + length + " bytes");
                        }
                        md5.update(chunk, 0, n);
                        left -= n;
                        Thread.sleep(1);
                    }
                    String digest = HexFormat.of().formatHex(md5.digest());
                    s.getOutputStream().write(digest.getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    return digest;
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            try (java.net.Socket client = new java.net.Socket(relay.address().getAddress(), relay.address().getPort());
                    java.io.DataOutputStream out = new java.io.DataOutputStream(client.getOutputStream())) {
                out.writeInt(data.length);
                out.write(data);
                out.flush();
                byte[] answer = client.getInputStream().readNBytes(32);
                assertEquals(md5(data), new String(answer, StandardCharsets.US_ASCII), "the digest the receiver sent back through the relay");
            }
            assertEquals(md5(data), received.get(60, java.util.concurrent.TimeUnit.SECONDS), "what the receiver got");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1ms"})
    void aClosedRelayRefusesConnections(String value) throws SQLException {
        LatencyRelay relay = LatencyRelay.start(endpoint.host(), endpoint.port(), RoundTrip.parseList(value, "rtt").get(0));
        PgEndpoint relayed = through(relay);
        Connection open = relayed.connect();
        relay.close();
        assertThrows(SQLException.class, () -> {
            try (Statement s = open.createStatement()) {
                s.execute("SELECT 1");
            }
        });
        open.close();
        assertThrows(SQLException.class, relayed::connect);
    }

    private static PgEndpoint through(LatencyRelay relay) {
        return endpoint.withAddress(relay.address().getHostString(), relay.address().getPort());
    }

    /** Rows in COPY's text format: id, tab, a payload that varies in length and content. */
    private static byte[] copyRows() {
        StringBuilder sb = new StringBuilder(COPY_ROWS * 40);
        for (int i = 1; i <= COPY_ROWS; i++) {
            sb.append(i).append('\t').append("payload-").append(Integer.toHexString(i * 31)).append('-')
                    .append("x".repeat(i % 17)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String md5(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }
}
