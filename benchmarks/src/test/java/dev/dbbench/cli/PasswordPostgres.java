package dev.dbbench.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server of the test's own that checks passwords on TCP (the shared embedded server
 * trusts every login), with one login role that may create databases. For the paths that need a
 * real password: refusal, and a password that must never reach output or results.
 */
final class PasswordPostgres implements AutoCloseable {
    static final String ROLE = "dbb_cli_bench";

    private final EmbeddedPostgres pg;
    final String password;

    private PasswordPostgres(EmbeddedPostgres pg, String password) {
        this.pg = pg;
        this.password = password;
    }

    static PasswordPostgres start(String password) throws IOException, SQLException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()))
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // The password is a fixed test literal; CREATE ROLE takes no bind parameters.
            s.execute("CREATE ROLE " + ROLE + " LOGIN CREATEDB PASSWORD '" + password + "'");
        }
        return new PasswordPostgres(pg, password);
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }

    private static void writeHba(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), String.join("\n",
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
