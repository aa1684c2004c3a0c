package dev.dbbench.core.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ProvisioningTest {

    @Test
    void freshDatabasesAreSeparateAndDropped() throws Exception {
        PostgresServer server = SharedPostgres.get();
        PgEndpoint a = server.createDatabase("ProvisioningTest a");
        PgEndpoint b = server.createDatabase("ProvisioningTest a");
        assertNotEquals(a, b);
        try (Connection c = a.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE only_in_a (id int)");
        }
        try (Connection c = b.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 'only_in_a'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
        server.drop(a);
        server.drop(b);
        assertThrows(Exception.class, a::connect);
    }

    @Test
    void embeddedNeedsLinuxX8664AndSaysSo() {
        assertEquals(Optional.empty(), PostgresProvisioner.embeddedPlatformProblem("Linux", "amd64"));
        assertEquals(Optional.of("embedded PostgreSQL needs Linux x86_64 (the binaries in the jar), this is Mac OS X aarch64"),
                PostgresProvisioner.embeddedPlatformProblem("Mac OS X", "aarch64"));
    }

    @Test
    void forcingUrlWithoutOneNamesTheFix() {
        ProvisioningException e = assertThrows(ProvisioningException.class,
                () -> PostgresProvisioner.provision(settings(Map.of()), Map.of(), line -> {}, false, PgProvider.URL, "--pg-provider"));
        assertEquals("[postgres] --pg-provider url needs a server to connect to: give --pg-url (or DBBENCH_PG_URL) with its user and password,"
                + " or choose --pg-provider container or embedded", e.getMessage());
    }

    @Test
    void forcingAContainerWithoutDockerNamesTestcontainersDiscovery() {
        // Only where Testcontainers finds no engine (this machine has none); elsewhere a container would start.
        org.junit.jupiter.api.Assumptions.assumeTrue(PostgresProvisioner.dockerEngine().isEmpty());
        ProvisioningException e = assertThrows(ProvisioningException.class,
                () -> PostgresProvisioner.provision(settings(Map.of()), Map.of(), line -> {}, false, PgProvider.CONTAINER, "--pg-provider"));
        assertTrue(e.getMessage().startsWith("[postgres] --pg-provider container: Testcontainers found no Docker engine"), e.getMessage());
        assertTrue(e.getMessage().contains("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE"), e.getMessage());
    }

    @Test
    void forcingEmbeddedStartsIt() {
        List<String> log = new ArrayList<>();
        try (PostgresServer server = PostgresProvisioner.provision(settings(Map.of()), Map.of(), log::add, false, PgProvider.EMBEDDED, "--pg-provider")) {
            assertEquals(PostgresServer.Source.EMBEDDED, server.source());
        }
        assertTrue(log.get(0).contains(": --pg-provider embedded"), log.toString());
    }

    @Test
    @Timeout(30)
    void malformedUrlNamesTheSetting() {
        PostgresSettings settings = settings(Map.of("DBBENCH_PG_URL", "localhost:5432/db", "DBBENCH_PG_USER", "bench"));
        ProvisioningException e = assertThrows(ProvisioningException.class, () -> PostgresProvisioner.provision(settings, Map.of(), line -> {}));
        assertEquals("DBBENCH_PG_URL is not a PostgreSQL JDBC URL: \"localhost:5432/db\". Expected jdbc:postgresql://host:port/database", e.getMessage());
    }

    @Test
    @Timeout(30)
    void unreachablePortNamesTheSetting() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresSettings settings = settings(Map.of("DBBENCH_PG_URL", "jdbc:postgresql://127.0.0.1:" + port + "/db", "DBBENCH_PG_USER", "bench"));
        ProvisioningException e = assertThrows(ProvisioningException.class, () -> PostgresProvisioner.provision(settings, Map.of(), line -> {}));
        assertTrue(e.getMessage().startsWith("[postgres] DBBENCH_PG_URL is unreachable: jdbc:postgresql://127.0.0.1:" + port + "/db"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    @Timeout(60)
    void wrongPasswordNamesUserAndPassword() throws Exception {
        // A server of our own that checks passwords on TCP (the shared embedded one trusts every login).
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()))
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                .start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE dbb_pw_probe LOGIN PASSWORD 'right-password'");
            }
            String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
            Properties p = new Properties();
            p.setProperty(PostgresSettings.URL_PROPERTY, url);
            p.setProperty(PostgresSettings.USER_PROPERTY, "dbb_pw_probe");
            p.setProperty(PostgresSettings.PASSWORD_PROPERTY, "wrong-password");
            ProvisioningException e = assertThrows(ProvisioningException.class,
                    () -> PostgresProvisioner.provision(PostgresSettings.from(p, Map.of()), Map.of(), line -> {}));
            assertEquals("[postgres] login refused for user \"dbb_pw_probe\" at " + url + " (28P01): check -Ddbbench.pg.user and -Ddbbench.pg.password",
                    e.getMessage());
            assertFalse(e.getMessage().contains("wrong-password"));

            p.setProperty(PostgresSettings.PASSWORD_PROPERTY, "right-password");
            List<String> lines = new ArrayList<>();
            try (PostgresServer explicit = PostgresProvisioner.provision(PostgresSettings.from(p, Map.of()), Map.of(), lines::add)) {
                assertEquals(PostgresServer.Source.EXPLICIT, explicit.source());
            }
            assertEquals(1, lines.size());
            assertFalse(lines.get(0).contains("right-password"), lines.get(0));
        }
    }

    private static void writeHba(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), String.join("\n",
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void settingsNeverPrintThePassword() {
        PostgresSettings s = settings(Map.of("DBBENCH_PG_URL", "jdbc:postgresql://h:1/d", "DBBENCH_PG_USER", "u", "DBBENCH_PG_PASSWORD", "s3cret"));
        assertFalse(s.toString().contains("s3cret"));
        assertFalse(s.endpoint().toString().contains("s3cret"));
    }

    @Test
    void systemPropertiesWinOverEnvironment() {
        Properties p = new Properties();
        p.setProperty(PostgresSettings.URL_PROPERTY, "jdbc:postgresql://prop:1/d");
        PostgresSettings s = PostgresSettings.from(p, Map.of("DBBENCH_PG_URL", "jdbc:postgresql://env:1/d"));
        assertEquals(new Setting("jdbc:postgresql://prop:1/d", "-Ddbbench.pg.url"), s.url().orElseThrow());
    }

    private static PostgresSettings settings(Map<String, String> env) {
        return PostgresSettings.from(new Properties(), env);
    }
}
