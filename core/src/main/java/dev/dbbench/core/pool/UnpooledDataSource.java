package dev.dbbench.core.pool;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * "No pool": every {@link #getConnection()} opens a new physical connection, and closing it closes
 * that connection. It keeps the same cap as a pool ({@code maximumSize} connections open at once,
 * a borrow beyond it waits up to {@code borrowTimeout}), so comparing it with a pool isolates the one
 * thing a pool adds: reuse.
 */
final class UnpooledDataSource implements DataSource {
    private final DataSource target;
    private final boolean autoCommit;
    private final long timeoutNanos;
    private final Semaphore permits;
    private final AtomicInteger open = new AtomicInteger();

    UnpooledDataSource(DataSource target, int maximumOpen, long timeoutMillis, boolean autoCommit) {
        this.target = target;
        this.autoCommit = autoCommit;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.permits = new Semaphore(maximumOpen);
    }

    @Override
    public Connection getConnection() throws SQLException {
        acquire();
        try {
            Connection physical = target.getConnection();
            if (!autoCommit) {
                physical.setAutoCommit(false);
            }
            open.incrementAndGet();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, new ClosingHandler(physical));
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private void acquire() throws SQLException {
        try {
            if (!permits.tryAcquire() && !permits.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS)) {
                throw new SQLTransientConnectionException("no pool: " + open.get() + " connections open, the most allowed", "08001");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while waiting to open a connection", "08001", e);
        }
    }

    PoolStatus status() {
        int n = open.get();
        return new PoolStatus(n, 0, n, permits.getQueueLength());
    }

    /** Closes the physical connection with the proxy, once, and gives back its permit. */
    private final class ClosingHandler implements InvocationHandler {
        private final Connection physical;
        private final AtomicBoolean closed = new AtomicBoolean();

        ClosingHandler(Connection physical) {
            this.physical = physical;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (closed.compareAndSet(false, true)) {
                        open.decrementAndGet();
                        try {
                            physical.close();
                        } finally {
                            permits.release();
                        }
                    }
                    return null;
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "isClosed" -> {
                    return closed.get() || physical.isClosed();
                }
                case "unwrap" -> {
                    return ((Class<?>) args[0]).isInstance(proxy) ? proxy : physical.unwrap((Class<?>) args[0]);
                }
                default -> {
                    if (closed.get() && method.getDeclaringClass() != Object.class) {
                        throw new SQLException("connection is closed", "08003");
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("no pool: connect with the target data source's own credentials");
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
