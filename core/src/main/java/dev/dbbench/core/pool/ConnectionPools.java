package dev.dbbench.core.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.commons.dbcp2.ConnectionFactory;
import org.apache.commons.dbcp2.DataSourceConnectionFactory;
import org.apache.tomcat.jdbc.pool.PoolConfiguration;
import org.apache.tomcat.jdbc.pool.PoolExhaustedException;
import org.apache.tomcat.jdbc.pool.PoolProperties;

/**
 * Builds a pool of any {@link PoolKind} over a {@link DataSource} (a SQLite file, PostgreSQL, a stub)
 * from one {@link PoolSettings}. This class is the one place where the settings are mapped onto each
 * pool's own properties, so that equal settings give equal behaviour as far as the pools allow:
 *
 * <table>
 * <caption>PoolSettings onto each pool's properties</caption>
 * <tr><th>PoolSettings</th><th>HikariCP</th><th>commons-dbcp2</th><th>Tomcat JDBC</th><th>no pool</th></tr>
 * <tr><td>maximumSize</td><td>maximumPoolSize</td><td>maxTotal, and maxIdle = maximumSize (its default 8 would
 *     close every returned connection beyond 8 idle ones)</td><td>maxActive, maxIdle = maximumSize</td>
 *     <td>most connections open at once; a borrow beyond waits</td></tr>
 * <tr><td>minimumIdle</td><td>minimumIdle (filled in the background)</td><td>initialSize and minIdle (minIdle is
 *     only restored by the evictor, which is off)</td><td>initialSize and minIdle</td><td>cannot: nothing is kept</td></tr>
 * <tr><td>borrowTimeout</td><td>connectionTimeout</td><td>maxWait</td><td>maxWait</td><td>wait for a free place
 *     under maximumSize</td></tr>
 * <tr><td>maxLifetime (0 = none)</td><td>maxLifetime (0 = none)</td><td>maxConnLifetime (-1 = none), checked on
 *     borrow and return</td><td>maxAge (0 = none), checked on borrow and return</td><td>not needed: a connection
 *     lives one borrow</td></tr>
 * <tr><td>validation NONE</td><td>cannot: HikariCP always checks a connection idle for more than 500 ms
 *     ({@code com.zaxxer.hikari.aliveBypassWindowMs}, one JVM-wide system property); in a busy loop it never
 *     checks</td><td>testOnBorrow=false (its default is true)</td><td>testOnBorrow=false</td><td>not needed: every
 *     connection is new</td></tr>
 * <tr><td>validation ON_BORROW</td><td>cannot: connections used in the last 500 ms are handed out unchecked
 *     </td><td>testOnBorrow=true, no validationQuery (so {@code isValid})</td><td>testOnBorrow=true,
 *     validationInterval=0 (its default 3 s skips most checks), no validationQuery (so {@code isValid})</td>
 *     <td>not needed</td></tr>
 * <tr><td>(validation timeout)</td><td colspan="3">5 s everywhere: validationTimeout / validationQueryTimeout</td>
 *     <td>-</td></tr>
 * <tr><td>autoCommit</td><td>autoCommit; reset on return when changed</td><td>defaultAutoCommit, and
 *     autoCommitOnReturn = autoCommit (restore it on return, but never flip a manual-commit pool to auto and
 *     back on every borrow)</td><td>defaultAutoCommit, with the ConnectionState interceptor (else a changed
 *     mode leaks to the next borrower)</td><td>set on each new connection</td></tr>
 * <tr><td>(open transaction on return)</td><td>rolled back when statements ran uncommitted</td>
 *     <td>rollbackOnReturn=true (its default): rolled back whenever auto-commit is off</td>
 *     <td>rollbackOnReturn=true (default false)</td><td>closed, so the server rolls back</td></tr>
 * <tr><td>statementCacheSize (0 = off)</td><td>cannot: HikariCP has no statement cache by design and leaves it to
 *     the driver</td><td>poolPreparedStatements, maxOpenPreparedStatements (per connection)</td>
 *     <td>StatementCache interceptor, max = size x maximumSize (its max counts the whole pool)</td><td>cannot</td></tr>
 * <tr><td>(JMX)</td><td>registerMbeans=false (default)</td><td>no jmxName (default), registerConnectionMBean=false
 *     </td><td>jmxEnabled=false (default true)</td><td>-</td></tr>
 * <tr><td>(waiting queue)</td><td colspan="4">not in PoolSettings; each pool keeps its own design: HikariCP's
 *     ConcurrentBag (thread-local reuse first), dbcp2's LIFO deque without fairness, Tomcat's fairQueue=true
 *     (its default), no pool: an unfair semaphore</td></tr>
 * </table>
 *
 * <p>What a pool reports after start is in {@link ConnectionPool#effectiveSettings()}: check there
 * rather than trust this table.
 */
public final class ConnectionPools {
    /** How long a connection check may take, the same in every pool. */
    public static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(5);

    private static final AtomicInteger POOL_NUMBERS = new AtomicInteger();

    private ConnectionPools() {}

    /** A started pool of {@code kind} over {@code db}'s connections. */
    public static ConnectionPool create(PoolKind kind, Database db, PoolSettings settings) {
        return create(kind, db.dataSource(), settings);
    }

    /**
     * A started pool of {@code kind} over {@code target}'s connections, configured from {@code settings}
     * as the table above says. Connections for {@code minimumIdle} are opened now (HikariCP: at least
     * one now, the rest in the background).
     *
     * @throws DatabaseException when the pool cannot open its first connections
     */
    public static ConnectionPool create(PoolKind kind, DataSource target, PoolSettings settings) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(settings, "settings");
        return switch (kind) {
            case NONE -> unpooled(target, settings);
            case HIKARI -> hikari(hikariConfig(target, settings), settings);
            case DBCP2 -> dbcp2(dbcp2DataSource(target, settings), settings);
            case TOMCAT -> tomcat(tomcatProperties(target, settings), settings);
        };
    }

    /**
     * A started pool of {@code kind} with only its size and borrow timeout set and everything else left
     * at the library's own defaults, to see what a pool does out of the box (dbcp2: check on every
     * borrow, at most 8 idle; Tomcat: a check at most every 3 s when asked for, fair queue, JMX). Its
     * {@link ConnectionPool#settings()} hold the size and timeout and a minimumIdle of 0, since what
     * each library opens at start is its own default.
     */
    public static ConnectionPool withLibraryDefaults(PoolKind kind, DataSource target, int maximumSize, Duration borrowTimeout) {
        PoolSettings settings = PoolSettings.of(maximumSize).withMinimumIdle(0).withBorrowTimeout(borrowTimeout);
        return switch (kind) {
            case NONE -> unpooled(target, settings);
            case HIKARI -> {
                HikariConfig config = new HikariConfig();
                config.setDataSource(target);
                config.setPoolName(poolName(kind));
                config.setMaximumPoolSize(maximumSize);
                config.setConnectionTimeout(borrowTimeout.toMillis());
                yield hikari(config, settings);
            }
            case DBCP2 -> {
                BasicDataSource ds = new TargetBasicDataSource(target);
                ds.setMaxTotal(maximumSize);
                ds.setMaxWait(borrowTimeout);
                yield dbcp2(ds, settings);
            }
            case TOMCAT -> {
                PoolProperties p = new PoolProperties();
                p.setDataSource(target);
                p.setName(poolName(kind));
                p.setMaxActive(maximumSize);
                p.setMaxWait((int) borrowTimeout.toMillis());
                yield tomcat(p, settings);
            }
        };
    }

    private static String poolName(PoolKind kind) {
        return "dbbench-" + kind.label() + "-" + POOL_NUMBERS.incrementAndGet();
    }

    private static ConnectionPool unpooled(DataSource target, PoolSettings s) {
        UnpooledDataSource ds = new UnpooledDataSource(target, s.maximumSize(), s.borrowTimeout().toMillis(), s.autoCommit());
        Map<String, String> effective = new HashMap<>();
        effective.put("maximumOpen", String.valueOf(s.maximumSize()));
        effective.put("borrowTimeoutMillis", String.valueOf(s.borrowTimeout().toMillis()));
        effective.put("autoCommit", String.valueOf(s.autoCommit()));
        return new ConnectionPool(PoolKind.NONE, s, ds, ds::status, e -> e instanceof SQLTransientConnectionException, effective, () -> { });
    }

    // --- HikariCP -------------------------------------------------------------------------------

    private static HikariConfig hikariConfig(DataSource target, PoolSettings s) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(target);
        config.setPoolName(poolName(PoolKind.HIKARI));
        config.setMaximumPoolSize(s.maximumSize());
        config.setMinimumIdle(s.minimumIdle());
        config.setConnectionTimeout(s.borrowTimeout().toMillis());
        config.setMaxLifetime(s.maxLifetime().toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        config.setAutoCommit(s.autoCommit());
        config.setRegisterMbeans(false);
        return config;
    }

    private static ConnectionPool hikari(HikariConfig config, PoolSettings s) {
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw startFailed(PoolKind.HIKARI, e);
        }
        HikariPoolMXBean pool = ds.getHikariPoolMXBean();
        Map<String, String> effective = new HashMap<>();
        effective.put("maximumPoolSize", String.valueOf(ds.getMaximumPoolSize()));
        effective.put("minimumIdle", String.valueOf(ds.getMinimumIdle()));
        effective.put("connectionTimeout", String.valueOf(ds.getConnectionTimeout()));
        effective.put("maxLifetime", String.valueOf(ds.getMaxLifetime()));
        effective.put("idleTimeout", String.valueOf(ds.getIdleTimeout()));
        effective.put("keepaliveTime", String.valueOf(ds.getKeepaliveTime()));
        effective.put("validationTimeout", String.valueOf(ds.getValidationTimeout()));
        effective.put("connectionTestQuery", String.valueOf(ds.getConnectionTestQuery()));
        effective.put("aliveBypassWindowMs", System.getProperty("com.zaxxer.hikari.aliveBypassWindowMs", "500"));
        effective.put("autoCommit", String.valueOf(ds.isAutoCommit()));
        effective.put("readOnly", String.valueOf(ds.isReadOnly()));
        effective.put("transactionIsolation", String.valueOf(ds.getTransactionIsolation()));
        effective.put("leakDetectionThreshold", String.valueOf(ds.getLeakDetectionThreshold()));
        effective.put("registerMbeans", String.valueOf(ds.isRegisterMbeans()));
        effective.put("statementCache", "none (HikariCP leaves statement caching to the driver)");
        return new ConnectionPool(PoolKind.HIKARI, s, ds,
                () -> new PoolStatus(pool.getTotalConnections(), pool.getIdleConnections(), pool.getActiveConnections(), pool.getThreadsAwaitingConnection()),
                e -> e instanceof SQLTransientConnectionException, effective, ds);
    }

    // --- commons-dbcp2 ---------------------------------------------------------------------------

    /** BasicDataSource takes a driver and URL; this one takes its connections from a DataSource and keeps every default. */
    private static final class TargetBasicDataSource extends BasicDataSource {
        private final DataSource target;

        TargetBasicDataSource(DataSource target) {
            this.target = target;
        }

        @Override
        protected ConnectionFactory createConnectionFactory() {
            return new DataSourceConnectionFactory(target);
        }
    }

    private static BasicDataSource dbcp2DataSource(DataSource target, PoolSettings s) {
        BasicDataSource ds = new TargetBasicDataSource(target);
        ds.setMaxTotal(s.maximumSize());
        ds.setMaxIdle(s.maximumSize());
        ds.setMinIdle(s.minimumIdle());
        ds.setInitialSize(s.minimumIdle());
        ds.setMaxWait(s.borrowTimeout());
        ds.setMaxConn(s.maxLifetime().isZero() ? Duration.ofMillis(-1) : s.maxLifetime());
        ds.setTestOnBorrow(s.validation() == PoolSettings.Validation.ON_BORROW);
        ds.setValidationQueryTimeout(VALIDATION_TIMEOUT);
        ds.setDefaultAutoCommit(s.autoCommit());
        ds.setAutoCommitOnReturn(s.autoCommit());
        ds.setRollbackOnReturn(true);
        ds.setPoolPreparedStatements(s.statementCacheSize() > 0);
        if (s.statementCacheSize() > 0) {
            ds.setMaxOpenPreparedStatements(s.statementCacheSize());
        }
        ds.setRegisterConnectionMBean(false);
        return ds;
    }

    private static ConnectionPool dbcp2(BasicDataSource ds, PoolSettings s) {
        try {
            ds.start();
        } catch (SQLException e) {
            closeQuietly(ds::close, e);
            throw startFailed(PoolKind.DBCP2, e);
        }
        Map<String, String> effective = new HashMap<>();
        effective.put("maxTotal", String.valueOf(ds.getMaxTotal()));
        effective.put("maxIdle", String.valueOf(ds.getMaxIdle()));
        effective.put("minIdle", String.valueOf(ds.getMinIdle()));
        effective.put("initialSize", String.valueOf(ds.getInitialSize()));
        effective.put("maxWaitMillis", String.valueOf(ds.getMaxWaitDuration().toMillis()));
        effective.put("maxConnLifetimeMillis", String.valueOf(ds.getMaxConnDuration().toMillis()));
        effective.put("testOnBorrow", String.valueOf(ds.getTestOnBorrow()));
        effective.put("testOnReturn", String.valueOf(ds.getTestOnReturn()));
        effective.put("testWhileIdle", String.valueOf(ds.getTestWhileIdle()));
        effective.put("validationQuery", String.valueOf(ds.getValidationQuery()));
        effective.put("validationQueryTimeoutSeconds", String.valueOf(ds.getValidationQueryTimeoutDuration().toSeconds()));
        effective.put("defaultAutoCommit", String.valueOf(ds.getDefaultAutoCommit()));
        effective.put("autoCommitOnReturn", String.valueOf(ds.getAutoCommitOnReturn()));
        effective.put("rollbackOnReturn", String.valueOf(ds.getRollbackOnReturn()));
        effective.put("cacheState", String.valueOf(ds.getCacheState()));
        effective.put("poolPreparedStatements", String.valueOf(ds.isPoolPreparedStatements()));
        effective.put("maxOpenPreparedStatements", String.valueOf(ds.getMaxOpenPreparedStatements()));
        effective.put("lifo", String.valueOf(ds.getLifo()));
        effective.put("fairness", String.valueOf(ds.getConnectionPool().getFairness()));
        effective.put("timeBetweenEvictionRunsMillis", String.valueOf(ds.getDurationBetweenEvictionRuns().toMillis()));
        effective.put("jmxName", String.valueOf(ds.getJmxName()));
        effective.put("fastFailValidation", String.valueOf(ds.getFastFailValidation()));
        return new ConnectionPool(PoolKind.DBCP2, s, ds, () -> {
            // Not active + idle: commons-pool2 computes active as all - idle, so the sum reads the idle count twice
            // and a borrow between the two reads counts a connection in both (a pool of 4 showed 5 open).
            // Created minus destroyed, read in this order, never exceeds the connections that exist.
            long created = ds.getConnectionPool().getCreatedCount();
            long destroyed = ds.getConnectionPool().getDestroyedCount();
            int active = ds.getNumActive();
            int idle = ds.getNumIdle();
            return new PoolStatus((int) (created - destroyed), idle, active, ds.getConnectionPool().getNumWaiters());
        }, ConnectionPools::isDbcp2Timeout, effective, ds);
    }

    /** dbcp2 wraps commons-pool2's {@code NoSuchElementException("Timeout waiting for idle object...")}. */
    private static boolean isDbcp2Timeout(SQLException e) {
        return e.getCause() instanceof NoSuchElementException n && n.getMessage() != null && n.getMessage().startsWith("Timeout");
    }

    // --- Tomcat JDBC -----------------------------------------------------------------------------

    private static PoolProperties tomcatProperties(DataSource target, PoolSettings s) {
        PoolProperties p = new PoolProperties();
        p.setDataSource(target);
        p.setName(poolName(PoolKind.TOMCAT));
        p.setMaxActive(s.maximumSize());
        p.setMaxIdle(s.maximumSize());
        p.setMinIdle(s.minimumIdle());
        p.setInitialSize(s.minimumIdle());
        p.setMaxWait((int) s.borrowTimeout().toMillis());
        p.setMaxAge(s.maxLifetime().toMillis());
        p.setTestOnBorrow(s.validation() == PoolSettings.Validation.ON_BORROW);
        p.setValidationInterval(0);
        p.setValidationQueryTimeout((int) VALIDATION_TIMEOUT.toSeconds());
        p.setDefaultAutoCommit(s.autoCommit());
        p.setRollbackOnReturn(true);
        String interceptors = "ConnectionState";
        if (s.statementCacheSize() > 0) {
            interceptors += ";StatementCache(prepared=true,callable=false,max=" + (s.statementCacheSize() * s.maximumSize()) + ")";
        }
        p.setJdbcInterceptors(interceptors);
        p.setJmxEnabled(false);
        return p;
    }

    private static ConnectionPool tomcat(PoolConfiguration p, PoolSettings s) {
        org.apache.tomcat.jdbc.pool.DataSource ds = new org.apache.tomcat.jdbc.pool.DataSource(p);
        try {
            ds.createPool();
        } catch (SQLException e) {
            closeQuietly(ds::close, e);
            throw startFailed(PoolKind.TOMCAT, e);
        }
        Map<String, String> effective = new HashMap<>();
        PoolConfiguration c = ds.getPoolProperties();
        effective.put("maxActive", String.valueOf(c.getMaxActive()));
        effective.put("maxIdle", String.valueOf(c.getMaxIdle()));
        effective.put("minIdle", String.valueOf(c.getMinIdle()));
        effective.put("initialSize", String.valueOf(c.getInitialSize()));
        effective.put("maxWait", String.valueOf(c.getMaxWait()));
        effective.put("maxAge", String.valueOf(c.getMaxAge()));
        effective.put("testOnBorrow", String.valueOf(c.isTestOnBorrow()));
        effective.put("testOnReturn", String.valueOf(c.isTestOnReturn()));
        effective.put("testWhileIdle", String.valueOf(c.isTestWhileIdle()));
        effective.put("validationInterval", String.valueOf(c.getValidationInterval()));
        effective.put("validationQuery", String.valueOf(c.getValidationQuery()));
        effective.put("validationQueryTimeout", String.valueOf(c.getValidationQueryTimeout()));
        effective.put("defaultAutoCommit", String.valueOf(c.isDefaultAutoCommit()));
        effective.put("rollbackOnReturn", String.valueOf(c.getRollbackOnReturn()));
        effective.put("commitOnReturn", String.valueOf(c.getCommitOnReturn()));
        effective.put("jdbcInterceptors", String.valueOf(c.getJdbcInterceptors()));
        effective.put("fairQueue", String.valueOf(c.isFairQueue()));
        effective.put("jmxEnabled", String.valueOf(c.isJmxEnabled()));
        effective.put("useLock", String.valueOf(c.getUseLock()));
        effective.put("timeBetweenEvictionRunsMillis", String.valueOf(c.getTimeBetweenEvictionRunsMillis()));
        effective.put("useDisposableConnectionFacade", String.valueOf(c.getUseDisposableConnectionFacade()));
        // getWaitCount() is the same quantity as HikariCP's threads awaiting and commons-pool2's waiters:
        // Tomcat's borrowConnection increments it just before blocking in idle.poll(maxWait) and decrements it
        // right after (tomcat-jdbc 11.0.x), so it counts threads blocked now, not waits so far;
        // PoolContract.countsActiveAndWaitingUnderLoad checks 2 then 0 for every pool.
        return new ConnectionPool(PoolKind.TOMCAT, s, ds,
                () -> new PoolStatus(ds.getSize(), ds.getIdle(), ds.getActive(), ds.getWaitCount()),
                e -> e instanceof PoolExhaustedException, effective, ds::close);
    }

    // ---------------------------------------------------------------------------------------------

    private static DatabaseException startFailed(PoolKind kind, Exception e) {
        String detail = e instanceof SQLException sql ? DatabaseException.describe(sql)
                : e.getCause() instanceof SQLException sql ? DatabaseException.describe(sql) : String.valueOf(e.getMessage());
        String state = e instanceof SQLException sql ? sql.getSQLState() : e.getCause() instanceof SQLException sql ? sql.getSQLState() : null;
        return new DatabaseException("[" + kind.label() + "] start pool failed: cannot open its first connections (" + detail + ")", state, e);
    }

    private static void closeQuietly(AutoCloseable closer, Exception failure) {
        try {
            closer.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
