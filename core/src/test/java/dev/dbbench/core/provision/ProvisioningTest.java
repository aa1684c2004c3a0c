package dev.dbbench.core.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
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
    void dockerProbeAnswersQuicklyWhenNoEngine() {
        Optional<String> engine = DockerProbe.reachableEngine(Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"), PostgresProvisioner.DOCKER_PROBE_TIMEOUT);
        assertTrue(engine.isEmpty());
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
    @Timeout(30)
    void wrongPasswordNamesUserAndPassword() throws Exception {
        PostgresServer server = SharedPostgres.get();
        PgEndpoint db = server.createDatabase("ProvisioningTest pw");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE dbb_pw_probe LOGIN PASSWORD 'right-password'");
        }
        try {
            PgEndpoint wrong = new PgEndpoint(db.jdbcUrl(), "dbb_pw_probe", "wrong-password");
            Properties p = new Properties();
            p.setProperty(PostgresSettings.URL_PROPERTY, wrong.jdbcUrl());
            p.setProperty(PostgresSettings.USER_PROPERTY, wrong.user());
            p.setProperty(PostgresSettings.PASSWORD_PROPERTY, wrong.password());
            PostgresSettings settings = PostgresSettings.from(p, Map.of());
            // The embedded server trusts local logins, so a wrong password only shows against a server that checks.
            if (server.source() == PostgresServer.Source.EXPLICIT) {
                ProvisioningException e = assertThrows(ProvisioningException.class, () -> PostgresProvisioner.provision(settings, Map.of(), line -> {}));
                assertTrue(e.getMessage().contains("check -Ddbbench.pg.user and -Ddbbench.pg.password"), e.getMessage());
            } else {
                List<String> lines = new ArrayList<>();
                try (PostgresServer explicit = PostgresProvisioner.provision(settings, Map.of(), lines::add)) {
                    assertEquals(PostgresServer.Source.EXPLICIT, explicit.source());
                }
                assertEquals(1, lines.size());
                assertFalse(lines.get(0).contains("wrong-password"));
            }
        } finally {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("DROP ROLE dbb_pw_probe");
            }
            server.drop(db);
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
