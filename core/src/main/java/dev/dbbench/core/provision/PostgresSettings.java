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
        Optional<PgHandoff> handoff = PgHandoff.fromProperties(properties);
        if (handoff.isPresent()) {
            // A fork of the launcher: its server, whatever else this process's environment says.
            return handoff.get().settings();
        }
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
            throw new ProvisioningException(u.name() + " is not a PostgreSQL JDBC URL: \"" + Secrets.mask(u.value()) + "\". Expected " + PgEndpoint.PREFIX + "host:port/database");
        }
        UrlCredentials inUrl = UrlCredentials.split(u.value());
        String userName = user.map(Setting::value).or(inUrl::user).orElse(null);
        if (userName == null || userName.isBlank()) {
            throw new ProvisioningException(u.name() + " is set but no user is: set " + USER_ENV + " (or -D" + USER_PROPERTY + ", --pg-user) to the login role");
        }
        try {
            return new PgEndpoint(inUrl.url(), userName, password.map(Setting::value).or(inUrl::password).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(u.name() + " is " + e.getMessage(), e);
        }
    }

    /**
     * pgjdbc also takes the login from the URL ({@code ?user=u&password=p}). They are taken out of
     * it, so the URL can be printed, recorded and handed on without the password; a user or
     * password given as a setting wins over the URL's.
     */
    record UrlCredentials(String url, Optional<String> user, Optional<String> password) {
        static UrlCredentials split(String jdbcUrl) {
            int q = jdbcUrl.indexOf('?');
            if (q < 0) {
                return new UrlCredentials(jdbcUrl, Optional.empty(), Optional.empty());
            }
            Optional<String> user = Optional.empty();
            Optional<String> password = Optional.empty();
            java.util.List<String> kept = new java.util.ArrayList<>();
            for (String pair : jdbcUrl.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                if (name.equals("user")) {
                    user = Optional.of(value).filter(v -> !v.isEmpty());
                } else if (name.equals("password")) {
                    password = Optional.of(value);
                } else if (!pair.isEmpty()) {
                    kept.add(pair);
                }
            }
            String base = jdbcUrl.substring(0, q);
            return new UrlCredentials(kept.isEmpty() ? base : base + "?" + String.join("&", kept), user, password);
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
        return "PostgresSettings[url=" + url.map(Setting::value).map(Secrets::mask).orElse("-") + ", user=" + user.map(Setting::value).orElse("-")
                + ", password=" + (password.isPresent() ? "(set)" : "-") + "]";
    }
}
