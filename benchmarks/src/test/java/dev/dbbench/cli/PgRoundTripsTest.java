package dev.dbbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dbbench.core.net.LatencyRelay;
import dev.dbbench.core.net.RoundTrip;
import dev.dbbench.core.provision.ForkContract;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.PgHandoff;
import dev.dbbench.core.provision.Scale;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;

/**
 * What each --pg-rtt pass hands its forks: the launcher's {@link ForkContract} with the pass's relay
 * as the server, nothing else changed, and still no password on the fork's command line. The relays
 * are only listening here (nothing connects), so no server is needed; the end-to-end test runs them.
 */
class PgRoundTripsTest {
    private static final String PASSWORD = "pw-rtt-secret-1";

    @Test
    void eachRelayedPassHandsItsForksTheContractWithTheRelayAsServer() {
        PgEndpoint server = new PgEndpoint("jdbc:postgresql://127.0.0.1:5999/postgres", "bench", PASSWORD);
        Optional<Path> passwordFile = Optional.of(Path.of("/tmp/dbbench-pg-3.password"));
        // As ForkHandoff makes it: the server's URL and login, the password only in its file.
        ForkContract contract = new ForkContract(Optional.of(new PgHandoff(server.jdbcUrl(), server.user(), passwordFile)),
                Optional.of(Path.of("/tmp/dbbench-sqlite-3")), Optional.of(Path.of("/tmp/dbbench-sqlite-3/fixtures")),
                Optional.of(ForkContract.newFixtureRun()), Optional.of(false), Scale.SMOKE);
        Plan plan = new Plan(List.of(
                new Plan.Item("dev.dbbench.cli.selftest.PassingBenchmark.step", Mode.AverageTime, Map.of("n", "1"), 1, 1, 0.1),
                new Plan.Item("dev.dbbench.cli.selftest.PgHandoffBenchmark.selectOne", Mode.AverageTime, Map.of(), 1, 1, 0.1)));
        List<LatencyRelay> relays = new ArrayList<>();
        try {
            for (Duration d : List.of(Duration.ZERO, Duration.ofMillis(1))) {
                relays.add(LatencyRelay.start(server.host(), server.port(), new RoundTrip(d)));
            }
            try (PgRoundTrips trips = PgRoundTrips.around(relays)) {
                List<PgRoundTrips.Pass> passes = trips.passes(plan, contract);
                assertEquals(3, passes.size());
                assertNull(passes.get(0).relay(), "the benchmarks without PostgreSQL run once, directly");
                assertEquals(contract, passes.get(0).contract());
                for (int i = 0; i < relays.size(); i++) {
                    PgRoundTrips.Pass pass = passes.get(i + 1);
                    int port = relays.get(i).address().getPort();
                    ForkContract expected = contract.withPostgres(new PgHandoff("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "bench", passwordFile));
                    assertEquals(expected, pass.contract());
                    // What the fork reads back from its system properties is what the pass handed it.
                    Properties forkSide = new Properties();
                    forkSide.putAll(pass.contract().toProperties());
                    assertEquals(expected, ForkContract.fromProperties(forkSide));
                    assertFalse(pass.contract().toProperties().toString().contains(PASSWORD), "password handed on the command line");
                }
                assertEquals(List.of("0ms", "1ms"), passes.subList(1, 3).stream().map(PgRoundTrips.Pass::label).toList());
            }
        } finally {
            relays.forEach(LatencyRelay::close);
        }
    }

    @Test
    void withoutRoundTripsTheWholePlanIsOnePassWithTheContractAsGiven() {
        Plan plan = new Plan(List.of(new Plan.Item("dev.dbbench.cli.selftest.PassingBenchmark.step", Mode.AverageTime, Map.of(), 1, 1, 0.1)));
        ForkContract contract = ForkContract.none().withScale(Scale.SMOKE);
        List<PgRoundTrips.Pass> passes = PgRoundTrips.none().passes(plan, contract);
        assertEquals(1, passes.size());
        assertEquals(contract, passes.get(0).contract());
    }
}
