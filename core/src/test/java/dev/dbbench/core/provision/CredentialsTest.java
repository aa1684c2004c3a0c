package dev.dbbench.core.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Passwords: taken out of URLs, masked in every message, handed to forks through an owner-only file. */
@Timeout(60)
class CredentialsTest {
    @TempDir
    Path temp;

    private static PostgresSettings env(Map<String, String> env) {
        return PostgresSettings.from(new Properties(), env);
    }

    @Test
    void loginInsideTheUrlIsTakenOutOfIt() {
        PgEndpoint e = env(Map.of("DBBENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/db?sslmode=disable&password=p%26w-1&user=bob")).endpoint();
        assertEquals("jdbc:postgresql://127.0.0.1:5432/db?sslmode=disable", e.jdbcUrl());
        assertEquals("bob", e.user());
        assertEquals("p&w-1", e.password());
        // A setting wins over the URL, and a URL holding only the password keeps no query.
        PgEndpoint given = env(Map.of("DBBENCH_PG_URL", "jdbc:postgresql://h/db?password=url-pw", "DBBENCH_PG_USER", "u",
                "DBBENCH_PG_PASSWORD", "env-pw")).endpoint();
        assertEquals("jdbc:postgresql://h/db", given.jdbcUrl());
        assertEquals("env-pw", given.password());
    }

    @Test
    void aPasswordInAUrlIsMaskedInEveryMessage() {
        ProvisioningException notJdbc = assertThrows(ProvisioningException.class,
                () -> env(Map.of("DBBENCH_PG_URL", "postgres://h/db?password=leak-1", "DBBENCH_PG_USER", "u")).endpoint());
        assertEquals("DBBENCH_PG_URL is not a PostgreSQL JDBC URL: \"postgres://h/db?password=****\". Expected jdbc:postgresql://host:port/database",
                notJdbc.getMessage());
        ProvisioningException noHost = assertThrows(ProvisioningException.class,
                () -> env(Map.of("DBBENCH_PG_URL", "jdbc:postgresql:///db?user=u&password=leak-2")).endpoint());
        assertFalse(noHost.getMessage().contains("leak-2"), noHost.getMessage());
        assertEquals("jdbc:postgresql://h/db?ssl=true&password=****", Secrets.mask("jdbc:postgresql://h/db?ssl=true&password=leak-3"));
        assertFalse(env(Map.of("DBBENCH_PG_URL", "jdbc:postgresql://h/db?password=leak-4")).toString().contains("leak-4"));
    }

    @Test
    void secretsPolicyMasksKnownValuesOnlyWhereTheyArePasswords() {
        Secrets s = Secrets.of("hunter2", "", null).and("s3cret");
        assertEquals("-Ddbbench.pg.password=**** and --pg-password **** and DBBENCH_PG_PASSWORD=****",
                s.redact("-Ddbbench.pg.password=hunter2 and --pg-password s3cret and DBBENCH_PG_PASSWORD=s3cret"));
        assertEquals("{\"password\": \"****\"}", s.redact("{\"password\": \"hunter2\"}"));
        assertEquals("dev.dbbench.bench.insert rows=hunter2", s.redact("dev.dbbench.bench.insert rows=hunter2"));
        assertTrue(Secrets.isSecretName("pg_password") && !Secrets.isSecretName("pg_url"));
    }

    @Test
    void forksReadThePasswordFromAnOwnerOnlyFile() throws IOException {
        Path file = PgHandoff.writePasswordFile(temp, "fork-pw-7");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Map<String, String> props = new PgHandoff("jdbc:postgresql://127.0.0.1:5/db", "u", Optional.of(file)).toProperties();
        assertFalse(props.toString().contains("fork-pw-7"), props.toString());

        Properties forkSide = new Properties();
        forkSide.putAll(props);
        // The fork's own environment (inherited from the launcher) does not override what it was handed.
        PgEndpoint e = PostgresSettings.from(forkSide, Map.of("DBBENCH_PG_URL", "jdbc:postgresql://other/x")).endpoint();
        assertEquals(new PgEndpoint("jdbc:postgresql://127.0.0.1:5/db", "u", "fork-pw-7"), e);

        Files.delete(file);
        ProvisioningException gone = assertThrows(ProvisioningException.class, () -> PostgresSettings.from(forkSide, Map.of()));
        assertTrue(gone.getMessage().startsWith("[postgres] the launcher's password file " + file + " cannot be read"), gone.getMessage());
    }

    @Test
    void theLaunchersServerGoneMidRunIsSaidSo() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Properties forkSide = new Properties();
        forkSide.putAll(new PgHandoff("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", Optional.empty()).toProperties());
        ProvisioningException e = assertThrows(ProvisioningException.class,
                () -> PostgresProvisioner.provision(PostgresSettings.from(forkSide, Map.of()), Map.of(), line -> {}));
        assertTrue(e.getMessage().startsWith("[postgres] the launcher's PostgreSQL server at jdbc:postgresql://127.0.0.1:" + port
                + "/postgres stopped answering during the run"), e.getMessage());
        assertFalse(e.getMessage().contains("-Ddbbench.pg.url"), e.getMessage());
    }

    @Test
    void durableIsTrueOrFalseNothingElse() {
        // The build sets the property for every test (a non-durable server); the environment is read only without it.
        String property = System.clearProperty(PostgresProvisioner.DURABLE_PROPERTY);
        try {
            assertEquals(Optional.empty(), PostgresProvisioner.durable(Map.of()));
            assertEquals(Optional.of(false), PostgresProvisioner.durable(Map.of("DBBENCH_PG_DURABLE", "FALSE")));
            assertEquals(Optional.of(true), PostgresProvisioner.durable(Map.of("DBBENCH_PG_DURABLE", " true ")));
            ProvisioningException e = assertThrows(ProvisioningException.class, () -> PostgresProvisioner.durable(Map.of("DBBENCH_PG_DURABLE", "maybe")));
            assertTrue(e.getMessage().startsWith("DBBENCH_PG_DURABLE must be true or false, was \"maybe\""), e.getMessage());
        } finally {
            if (property != null) {
                System.setProperty(PostgresProvisioner.DURABLE_PROPERTY, property);
            }
        }
    }
}
