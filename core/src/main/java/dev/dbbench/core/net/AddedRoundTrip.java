package dev.dbbench.core.net;

import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.provision.PgEndpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * What a relay really adds to a round trip, measured rather than assumed: the median time of
 * {@code SELECT 1} through the relay minus the median straight to the server, on one connection
 * each, queries alternating between the two so that a busy moment of the machine falls on both.
 * Medians, because a delay only ever adds: noise makes single queries slower, never faster, and
 * the median of a few hundred ignores the slow tail a shared machine produces.
 *
 * @param configured         the relay's round trip
 * @param directMicros       median {@code SELECT 1} straight to the server
 * @param relayedMicros      median {@code SELECT 1} through the relay
 * @param queries            queries timed on each path
 */
public record AddedRoundTrip(RoundTrip configured, double directMicros, double relayedMicros, int queries) {
    /** Untimed queries first, so the JIT and both connections are warm before anything counts. */
    static final int WARM_UP = 50;

    /** Median added round trip in microseconds (relayed minus direct). */
    public double addedMicros() {
        return relayedMicros - directMicros;
    }

    /** Times {@code queries} {@code SELECT 1} on each path. */
    public static AddedRoundTrip measure(PgEndpoint direct, LatencyRelay relay, int queries) {
        if (queries < 1) {
            throw new IllegalArgumentException("queries must be at least 1, was " + queries);
        }
        PgEndpoint relayed = direct.withAddress(relay.address().getHostString(), relay.address().getPort());
        try (Connection d = direct.connect(); Connection r = relayed.connect();
                PreparedStatement onDirect = d.prepareStatement("SELECT 1"); PreparedStatement onRelay = r.prepareStatement("SELECT 1")) {
            for (int i = 0; i < WARM_UP; i++) {
                time(onDirect);
                time(onRelay);
            }
            long[] directNanos = new long[queries];
            long[] relayedNanos = new long[queries];
            for (int i = 0; i < queries; i++) {
                directNanos[i] = time(onDirect);
                relayedNanos[i] = time(onRelay);
            }
            return new AddedRoundTrip(relay.roundTrip(), median(directNanos) / 1000.0, median(relayedNanos) / 1000.0, queries);
        } catch (SQLException e) {
            throw DatabaseException.of("[relay] time SELECT 1 through " + relay, e);
        }
    }

    private static long time(PreparedStatement select) throws SQLException {
        long start = System.nanoTime();
        try (ResultSet rs = select.executeQuery()) {
            rs.next();
        }
        return System.nanoTime() - start;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
