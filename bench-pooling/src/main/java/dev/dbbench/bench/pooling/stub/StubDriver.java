package dev.dbbench.bench.pooling.stub;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A JDBC driver that does nothing but answer, so that a benchmark over it measures the pool and
 * nothing else (HikariCP's own benchmark compares pools this way). Connecting creates an object,
 * executing a statement returns one row ({@code 1}, {@code "stub"}, {@code true}), and every call is
 * counted in {@link #counters()}. It is not registered with {@code DriverManager}: pools take it
 * through {@link #dataSource()}, so no global lookup is added to the no-pool variant.
 */
public final class StubDriver implements Driver {
    public static final String URL = "jdbc:stub:";

    private final StubCounters counters = new StubCounters();
    private final DataSource dataSource = new StubDataSource();

    public StubCounters counters() {
        return counters;
    }

    /** Connections from this driver as a DataSource, the form every pool here accepts. */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public Connection connect(String url, Properties info) {
        if (!acceptsURL(url)) {
            return null;
        }
        counters.connects.increment();
        return new StubConnection(counters);
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(URL);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("stub driver: no logger");
    }

    private final class StubDataSource implements DataSource {
        private int loginTimeout;
        private PrintWriter logWriter;

        @Override
        public Connection getConnection() {
            return connect(URL, null);
        }

        @Override
        public Connection getConnection(String username, String password) {
            return connect(URL, null);
        }

        @Override
        public PrintWriter getLogWriter() {
            return logWriter;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            logWriter = out;
        }

        @Override
        public void setLoginTimeout(int seconds) {
            loginTimeout = seconds;
        }

        @Override
        public int getLoginTimeout() {
            return loginTimeout;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return StubDriver.this.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            throw new SQLException("stub data source does not wrap " + iface.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return iface.isInstance(this);
        }
    }
}
