package dev.dbbench.bench.pooling.perrequest;

import dev.dbbench.bench.pooling.PoolingSettings;
import dev.dbbench.core.pool.ConnectionPool;
import dev.dbbench.core.pool.ConnectionPools;
import dev.dbbench.core.pool.PoolKind;
import dev.dbbench.core.pool.PoolSettings;
import javax.sql.DataSource;

/**
 * What serves each request of {@link ConnectionPerRequest}: a new connection, each pool from the
 * shared {@link PoolingSettings#SETTINGS}, and one pool that checks every connection it lends, as
 * the guide's engine does ({@code pool_pre_ping=True}).
 */
public enum RequestPool {
    /** A new physical connection per request, closed after it: the baseline. */
    NONE(PoolKind.NONE, PoolingSettings.SETTINGS),
    HIKARI(PoolKind.HIKARI, PoolingSettings.SETTINGS),
    DBCP2(PoolKind.DBCP2, PoolingSettings.SETTINGS),
    TOMCAT(PoolKind.TOMCAT, PoolingSettings.SETTINGS),
    /**
     * dbcp2 validating on every borrow, like SQLAlchemy's {@code pool_pre_ping=True}: a check before
     * each use. dbcp2 rather than HikariCP because HikariCP skips the check for a connection used in
     * the last 500 ms, which back-to-back requests always are, so it would measure no check at all.
     */
    DBCP2_PRE_PING(PoolKind.DBCP2, PoolingSettings.SETTINGS.withValidation(PoolSettings.Validation.ON_BORROW));

    private final PoolKind kind;
    private final PoolSettings settings;

    RequestPool(PoolKind kind, PoolSettings settings) {
        this.kind = kind;
        this.settings = settings;
    }

    /** The pool (or the no-pool source) over {@code target}, started. */
    public ConnectionPool start(DataSource target) {
        return ConnectionPools.create(kind, target, settings);
    }
}
