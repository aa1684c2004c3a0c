package dev.dbbench.core.provision;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Where a PostgreSQL database is and how to log in. {@link #toString()} never shows the password.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/database[?params]}
 * @param user     login role
 * @param password password, empty when the server trusts the connection
 */
public record PgEndpoint(String jdbcUrl, String user, String password) {
    static final String PREFIX = "jdbc:postgresql://";

    public PgEndpoint {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: \"" + Secrets.mask(jdbcUrl) + "\". Expected " + PREFIX + "host:port/database");
        }
        uri(jdbcUrl);
    }

    /** The database name from the URL. */
    public String database() {
        String path = uri(jdbcUrl).getPath();
        return path == null || path.length() <= 1 ? user : path.substring(1);
    }

    /** The same server and login, another database. */
    public PgEndpoint withDatabase(String database) {
        URI u = uri(jdbcUrl);
        String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
        String authority = u.getRawAuthority();
        return new PgEndpoint(PREFIX + authority + "/" + database + query, user, password);
    }

    /** The server's host as the URL names it. */
    public String host() {
        return uri(jdbcUrl).getHost();
    }

    /** The server's port: the URL's, else PostgreSQL's default 5432. */
    public int port() {
        int port = uri(jdbcUrl).getPort();
        return port < 0 ? 5432 : port;
    }

    /** The same database and login reached at another address (a relay in front of the server). */
    public PgEndpoint withAddress(String host, int port) {
        URI u = uri(jdbcUrl);
        String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        return new PgEndpoint(PREFIX + host + ":" + port + path + query, user, password);
    }

    /** The same database with one more URL parameter (e.g. {@code currentSchema}). */
    public PgEndpoint withParameter(String name, String value) {
        String separator = jdbcUrl.contains("?") ? "&" : "?";
        return new PgEndpoint(jdbcUrl + separator + name + "=" + value, user, password);
    }

    /** A new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl, props);
    }

    @Override
    public String toString() {
        return "postgresql:" + Secrets.mask(jdbcUrl.substring(PREFIX.length())) + " as " + user;
    }

    private static URI uri(String jdbcUrl) {
        try {
            URI u = new URI("postgresql://" + jdbcUrl.substring(PREFIX.length()));
            if (u.getHost() == null) {
                throw new IllegalArgumentException("no host in PostgreSQL JDBC URL \"" + Secrets.mask(jdbcUrl) + "\". Expected " + PREFIX + "host:port/database");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed PostgreSQL JDBC URL \"" + Secrets.mask(jdbcUrl) + "\" (" + e.getReason() + "). Expected " + PREFIX + "host:port/database", e);
        }
    }
}
