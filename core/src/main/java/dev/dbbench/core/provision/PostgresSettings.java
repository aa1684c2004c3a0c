package dev.dbbench.core.provision;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Explicit PostgreSQL connection settings. When a URL is given, provisioning uses that server and
 * starts nothing. Looked up, first found wins:
 *
 * <table>
 *   <tr><th>what</th><th>system property</th><th>environment variable</th></tr>
 *   <tr><td>JDBC URL</td><td>{@code dbbench.pg.url}</td><td>{@code DBBENCH_PG_URL}</td></tr>
 *   <tr><td>user</td><td>{@code dbbench.pg.user}</td><td>{@code DBBENCH_PG_USER}</td></tr>
 *   <tr><td>password</td><td>{@code dbbench.pg.password}</td><td>{@code DBBENCH_PG_PASSWORD}</td></tr>
 * </table>
 *
 * The command line's {@code --pg-url}, {@code --pg-user}, {@code --pg-password} come before both.
 */
public record PostgresSettings(Optional<Setting> url, Optional<Setting> user, Optional<Setting> password) {
    public static final String URL_PROPERTY = "dbbench.pg.url";
    public static final String USER_PROPERTY = "dbbench.pg.user";
    public static final String PASSWORD_PROPERTY = "dbbench.pg.password";
    public static final String URL_ENV = "DBBENCH_PG_URL";
    public static final String USER_ENV = "DBBENCH_PG_USER";
    public static final String PASSWORD_ENV = "DBBENCH_PG_PASSWORD";

    public PostgresSettings {
        url = url == null ? Optional.empty() : url;
        user = user == null ? Optional.empty() : user;
        password = password == null ? Optional.empty() : password;
    }

    /** No explicit settings: provisioning chooses. */
    public static PostgresSettings none() {
        return new PostgresSettings(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** From this JVM's system properties and environment. */
    public static PostgresSettings fromEnvironment() {
        return from(System.getProperties(), System.getenv());
    }

    /** From the given system properties and environment (system properties win). */
    public static PostgresSettings from(Properties properties, Map<String, String> env) {
        return new PostgresSettings(
                lookup(properties, URL_PROPERTY, env, URL_ENV),
                lookup(properties, USER_PROPERTY, env, USER_ENV),
                lookup(properties, PASSWORD_PROPERTY, env, PASSWORD_ENV));
    }

    /** These settings, with any value in {@code overrides} taking precedence. */
    public PostgresSettings overriddenBy(PostgresSettings overrides) {
        return new PostgresSettings(
                overrides.url.or(() -> url), overrides.user.or(() -> user), overrides.password.or(() -> password));
    }

    public boolean explicit() {
        return url.isPresent();
    }

    /**
     * The endpoint these settings name. Fails with a one-line message naming the setting when the
     * URL is malformed or a user is missing.
     */
    public PgEndpoint endpoint() {
        Setting u = url.orElseThrow(() -> new ProvisioningException("no PostgreSQL URL given: set " + URL_ENV + " or -D" + URL_PROPERTY));
        if (!u.value().startsWith(PgEndpoint.PREFIX)) {
            throw new ProvisioningException(u.name() + " is not a PostgreSQL JDBC URL: \"" + u.value() + "\". Expected " + PgEndpoint.PREFIX + "host:port/database");
        }
        String userName = user.map(Setting::value).orElse(null);
        if (userName == null || userName.isBlank()) {
            throw new ProvisioningException(u.name() + " is set but no user is: set " + USER_ENV + " (or -D" + USER_PROPERTY + ", --pg-user) to the login role");
        }
        try {
            return new PgEndpoint(u.value(), userName, password.map(Setting::value).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(u.name() + " is " + e.getMessage(), e);
        }
    }

    private static Optional<Setting> lookup(Properties properties, String property, Map<String, String> env, String variable) {
        String fromProperty = properties.getProperty(property);
        if (fromProperty != null && !fromProperty.isEmpty()) {
            return Optional.of(new Setting(fromProperty, "-D" + property));
        }
        String fromEnv = env.get(variable);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Optional.of(new Setting(fromEnv, variable));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "PostgresSettings[url=" + url.map(Setting::value).orElse("-") + ", user=" + user.map(Setting::value).orElse("-")
                + ", password=" + (password.isPresent() ? "(set)" : "-") + "]";
    }
}
