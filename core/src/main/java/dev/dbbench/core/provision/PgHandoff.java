package dev.dbbench.core.provision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The server a launcher hands to the processes it starts (JMH forks): its URL and login, and the
 * path of a file holding the password, never the password itself. A process's command line is
 * readable by every local user ({@code ps}); a file readable by its owner only is not. Both sides
 * use this record: the launcher {@link #toProperties()}, the fork {@link #fromProperties(Properties)}.
 *
 * @param jdbcUrl      the server's URL, without credentials
 * @param user         login role
 * @param passwordFile the owner-only file with the password; empty when the server needs none
 */
public record PgHandoff(String jdbcUrl, String user, Optional<Path> passwordFile) {
    /** Marks the settings as the launcher's: an error then names the launcher's server, not a setting the person never gave. */
    public static final String HANDOFF_PROPERTY = "dbbench.pg.handoff";
    public static final String PASSWORD_FILE_PROPERTY = "dbbench.pg.passwordFile";
    /** How errors name these settings. */
    public static final String SETTING_NAME = "the launcher's PostgreSQL server";

    public PgHandoff {
        passwordFile = passwordFile == null ? Optional.empty() : passwordFile;
    }

    /**
     * Writes {@code password} to a new file under {@code dir} that only this user may read or write
     * (created so from the start, never briefly readable by others). The caller deletes it.
     */
    public static Path writePasswordFile(Path dir, String password) throws IOException {
        Path file;
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            file = Files.createTempFile(dir, "dbbench-pg-", ".password", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            // Elsewhere the temporary file is already private to its owner (Windows: the user's own temp folder).
            file = Files.createTempFile(dir, "dbbench-pg-", ".password");
        }
        Files.writeString(file, password, StandardCharsets.UTF_8);
        return file;
    }

    /** The same login and password file at another address: a relay in front of the server ({@code --pg-rtt}). */
    public PgHandoff withAddress(String host, int port) {
        return new PgHandoff(new PgEndpoint(jdbcUrl, user, "").withAddress(host, port).jdbcUrl(), user, passwordFile);
    }

    public Map<String, String> toProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(HANDOFF_PROPERTY, "launcher");
        props.put(PostgresSettings.URL_PROPERTY, jdbcUrl);
        props.put(PostgresSettings.USER_PROPERTY, user);
        passwordFile.ifPresent(f -> props.put(PASSWORD_FILE_PROPERTY, f.toString()));
        return props;
    }

    /** The launcher's settings when this process was handed a server, else empty. */
    public static Optional<PgHandoff> fromProperties(Properties properties) {
        if (properties.getProperty(HANDOFF_PROPERTY) == null) {
            return Optional.empty();
        }
        return Optional.of(new PgHandoff(properties.getProperty(PostgresSettings.URL_PROPERTY, ""),
                properties.getProperty(PostgresSettings.USER_PROPERTY, ""),
                Optional.ofNullable(properties.getProperty(PASSWORD_FILE_PROPERTY)).filter(s -> !s.isEmpty()).map(Path::of)));
    }

    /** As explicit settings, each named as the launcher's server. */
    PostgresSettings settings() {
        Optional<Setting> password = passwordFile.map(f -> new Setting(readPassword(f), SETTING_NAME));
        return new PostgresSettings(Optional.of(new Setting(jdbcUrl, SETTING_NAME)), Optional.of(new Setting(user, SETTING_NAME)), password);
    }

    private static String readPassword(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProvisioningException("[postgres] the launcher's password file " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + "): the launcher removes it when its run ends or is interrupted", e);
        }
    }
}
