package dev.dbbench.core.orm;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Wraps any {@link DataSource} and counts the statements executed through the connections it hands
 * out: every call of a {@code Statement}'s or {@code PreparedStatement}'s {@code execute},
 * {@code executeQuery}, {@code executeUpdate}, {@code executeLargeUpdate}, {@code executeBatch} or
 * {@code executeLargeBatch} counts one (a batch is one call, one round trip). Statements the driver
 * runs on its own (session settings at connect time) and connection calls such as {@code commit()}
 * do not count: they are not the application's queries.
 *
 * <p>Connections and statements are wrapped with {@link Proxy}, so every JDBC method is forwarded
 * unchanged and {@code getConnection()} on a statement returns the wrapped connection.
 */
public final class CountingDataSource implements DataSource {
    private final DataSource target;
    private final AtomicLong executed = new AtomicLong();

    public CountingDataSource(DataSource target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Statements executed since creation or the last {@link #reset()}. */
    public long statements() {
        return executed.get();
    }

    /** Sets the count to zero and returns what it was. */
    public long reset() {
        return executed.getAndSet(0);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrapConnection(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrapConnection(target.getConnection(username, password));
    }

    private Connection wrapConnection(Connection connection) {
        return proxy(Connection.class, connection, new ConnectionHandler(connection));
    }

    private final class ConnectionHandler implements InvocationHandler {
        private final Connection connection;

        ConnectionHandler(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result = forward(connection, method, args);
            // Statements are wrapped by the most specific interface the method promises.
            if (result instanceof CallableStatement s && method.getReturnType() == CallableStatement.class) {
                return proxy(CallableStatement.class, s, new StatementHandler(s, (Connection) proxy));
            }
            if (result instanceof PreparedStatement s && method.getReturnType() == PreparedStatement.class) {
                return proxy(PreparedStatement.class, s, new StatementHandler(s, (Connection) proxy));
            }
            if (result instanceof Statement s && method.getReturnType() == Statement.class) {
                return proxy(Statement.class, s, new StatementHandler(s, (Connection) proxy));
            }
            return result;
        }
    }

    private final class StatementHandler implements InvocationHandler {
        private final Statement statement;
        private final Connection connection;

        StatementHandler(Statement statement, Connection connection) {
            this.statement = statement;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().startsWith("execute")) {
                executed.incrementAndGet();
            }
            if (method.getName().equals("getConnection") && method.getParameterCount() == 0) {
                return connection;
            }
            return forward(statement, method, args);
        }
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }
}
