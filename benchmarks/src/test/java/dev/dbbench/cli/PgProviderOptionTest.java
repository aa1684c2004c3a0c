package dev.dbbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --pg-provider} forces one kind of server; what cannot be had is one line and exit 2, before any benchmark runs. */
class PgProviderOptionTest {
    @TempDir
    Path results;

    @Test
    void anUnknownProviderIsOneLine() {
        CliRun run = CliRun.of("--pg-provider", "cloud", "--results-dir", results.toString(), "PgInsertBenchmark");
        assertEquals(2, run.code());
        assertTrue(run.errLine().contains("--pg-provider") && run.errLine().contains("[URL, CONTAINER, EMBEDDED]"), run.err());
    }

    @Test
    void urlWithoutAUrlIsOneLine() {
        CliRun run = CliRun.of("--pg-provider", "url", "--results-dir", results.toString(), "PgInsertBenchmark");
        assertEquals(2, run.code());
        assertTrue(run.errLine().startsWith("[postgres] --pg-provider url needs a server to connect to"), run.err());
    }

    @Test
    void aContainerWithoutDockerIsOneLine() {
        Assumptions.assumeFalse(org.testcontainers.DockerClientFactory.instance().isDockerAvailable(), "a Docker engine is reachable here");
        CliRun run = CliRun.of("--pg-provider", "container", "--results-dir", results.toString(), "PgInsertBenchmark");
        assertEquals(2, run.code());
        assertTrue(run.errLine().startsWith("[postgres] --pg-provider container: Testcontainers found no Docker engine"), run.err());
    }
}
