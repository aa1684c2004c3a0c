package dev.dbbench.core.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What the launcher writes is what a fork reads back, and nothing of it is a secret. */
class ForkContractTest {

    @Test
    void theContractRoundTripsThroughProperties() {
        ForkContract sent = new ForkContract(
                Optional.of(new PgHandoff("jdbc:postgresql://127.0.0.1:5432/postgres", "bench", Optional.of(Path.of("/tmp/dbbench-pg-1.password")))),
                Optional.of(Path.of("/tmp/dbbench-sqlite-1")), Optional.of(Path.of("/tmp/dbbench-sqlite-1/fixtures")),
                Optional.of(ForkContract.newFixtureRun()), Optional.of(false), Scale.SMOKE);
        Map<String, String> props = sent.toProperties();
        Properties forkSide = new Properties();
        forkSide.putAll(props);
        assertEquals(sent, ForkContract.fromProperties(forkSide));
        assertEquals("smoke", props.get(ForkContract.SCALE_PROPERTY));
        assertEquals("/tmp/dbbench-sqlite-1", props.get(SqliteDirectory.DIR_PROPERTY));
    }

    /**
     * A --pg-rtt pass: the forks get the relay's address as their server and the rest of the
     * contract unchanged; the password stays in its file, whose path is the one the launcher wrote.
     */
    @Test
    void theRelayedContractRoundTripsWithOnlyTheServerAddressChanged() {
        Optional<Path> passwordFile = Optional.of(Path.of("/tmp/dbbench-pg-2.password"));
        ForkContract direct = new ForkContract(
                Optional.of(new PgHandoff("jdbc:postgresql://127.0.0.1:5432/postgres?sslmode=disable", "bench", passwordFile)),
                Optional.of(Path.of("/tmp/dbbench-sqlite-2")), Optional.of(Path.of("/tmp/dbbench-sqlite-2/fixtures")),
                Optional.of(ForkContract.newFixtureRun()), Optional.of(true), Scale.FULL);
        PgHandoff relay = direct.postgres().orElseThrow().withAddress("127.0.0.1", 40001);
        assertEquals(new PgHandoff("jdbc:postgresql://127.0.0.1:40001/postgres?sslmode=disable", "bench", passwordFile), relay);
        ForkContract relayed = direct.withPostgres(relay);

        Properties forkSide = new Properties();
        forkSide.putAll(relayed.toProperties());
        ForkContract read = ForkContract.fromProperties(forkSide);
        assertEquals(relayed, read);
        assertEquals(Optional.of(relay), read.postgres());
        assertEquals(direct, read.withPostgres(direct.postgres().orElseThrow()), "only the server differs");

        Map<String, String> expected = new HashMap<>(direct.toProperties());
        expected.put(PostgresSettings.URL_PROPERTY, "jdbc:postgresql://127.0.0.1:40001/postgres?sslmode=disable");
        assertEquals(expected, relayed.toProperties());
        assertEquals("/tmp/dbbench-pg-2.password", relayed.toProperties().get(PgHandoff.PASSWORD_FILE_PROPERTY));
    }

    @Test
    void aProcessHandedNothingIsOnItsOwnAtFullScale() {
        assertEquals(ForkContract.none(), ForkContract.fromProperties(new Properties()));
        assertEquals(Map.of(ForkContract.SCALE_PROPERTY, "full"), ForkContract.none().toProperties());
    }

    @Test
    void badValuesAreRefusedByName() {
        Properties p = new Properties();
        p.setProperty(ForkContract.SCALE_PROPERTY, "tiny");
        IllegalArgumentException scale = assertThrows(IllegalArgumentException.class, () -> ForkContract.fromProperties(p));
        assertEquals("-Ddbbench.scale must be full or smoke, was \"tiny\". Give -Ddbbench.scale=smoke or leave it unset", scale.getMessage());
        IllegalArgumentException run = assertThrows(IllegalArgumentException.class, () -> new ForkContract(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("x; DROP"), Optional.empty(), Scale.FULL));
        assertTrue(run.getMessage().startsWith("fixture run \"x; DROP\""), run.getMessage());
    }

    @Test
    void smokeScalesLargeSizesDownAndLeavesSmallOnes() {
        assertEquals(10_000, Scale.SMOKE.rows(1_000_000));
        assertEquals(1_000, Scale.SMOKE.rows(100_000));
        assertEquals(100, Scale.SMOKE.rows(1_000));
        assertEquals(100, Scale.SMOKE.rows(5_000));
        assertEquals(50, Scale.SMOKE.rows(50));
        assertEquals(0, Scale.SMOKE.rows(0));
        assertEquals(9_000, Scale.SMOKE.rows(900_000));
        assertEquals(1_000_000, Scale.FULL.rows(1_000_000));
        assertEquals("smoke: tables scaled to 1/100", Scale.SMOKE.describe());
        assertFalse(Scale.FULL.describe().contains("scaled"));
    }
}
