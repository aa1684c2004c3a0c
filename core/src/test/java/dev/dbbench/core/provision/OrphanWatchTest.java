package dev.dbbench.core.provision;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An embedded server whose JVM is killed outright (kill -9) does not outlive it, nor does its data folder. */
@Timeout(180)
class OrphanWatchTest {

    /** The JVM that is killed: starts an embedded server, says its port, and waits. */
    public static final class HoldsEmbeddedServer {
        public static void main(String[] args) throws InterruptedException {
            PostgresServer server = PostgresProvisioner.provision(PostgresSettings.none(), Map.of("DOCKER_HOST", "unix:///nonexistent"), line -> {}, false);
            System.out.println("port " + java.net.URI.create(server.admin().jdbcUrl().substring("jdbc:".length())).getPort());
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }

    @Test
    void killedLaunchersServerIsStoppedAndItsFilesRemoved() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldsEmbeddedServer.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int port;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("port ")) {
                // the library's own start-up lines
            }
            assertTrue(line != null, "the holder JVM ended without starting a server");
            port = Integer.parseInt(line.substring("port ".length()).strip());
        }
        Optional<ProcessHandle> postmaster = OrphanWatch.postmaster(port);
        assertTrue(postmaster.isPresent(), "no postmaster found on port " + port);
        Path dataDir = Path.of(OrphanWatch.argumentAfter(postmaster.get(), "-D").orElseThrow());
        assertTrue(Files.isDirectory(dataDir));

        holder.destroyForcibly().waitFor();

        // Waits for the watch (it looks once a second); the test's timeout bounds the wait, nothing here is timed.
        while (postmaster.get().isAlive() || Files.exists(dataDir)) {
            Thread.sleep(200);
        }
        assertFalse(postmaster.get().isAlive());
        assertFalse(Files.exists(dataDir), dataDir + " left behind");
    }
}
