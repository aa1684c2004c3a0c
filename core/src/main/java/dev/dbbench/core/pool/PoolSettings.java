package dev.dbbench.core.pool;

import java.time.Duration;
import java.util.Objects;

/**
 * One description of a connection pool that every {@link PoolKind} is built from. How each field
 * maps onto each pool's own properties, and what a pool cannot express, is in the table on
 * {@link ConnectionPools}.
 *
 * <p>The limits follow the strictest pool, so that a value accepted here means the same in every
 * pool: HikariCP silently replaces a borrow timeout under 250 ms with 30 s and a max lifetime under
 * 30 s with 30 minutes, so such values are refused here instead.
 *
 * @param maximumSize        most connections open at once (borrowed plus idle); without a pool, most
 *                           connections open at once
 * @param minimumIdle        connections opened when the pool starts and kept ready; at most
 *                           {@code maximumSize}
 * @param borrowTimeout      how long a borrow waits for a connection before it fails; at least 250 ms
 * @param maxLifetime        age after which a connection is retired (closed and replaced) when next
 *                           idle; {@link Duration#ZERO} for no limit, else at least 30 s
 * @param validation         whether a connection is checked ({@code Connection.isValid}) before it is
 *                           handed out
 * @param autoCommit         the auto-commit mode of every borrowed connection
 * @param statementCacheSize prepared statements the pool keeps open per connection for reuse; 0 for
 *                           none (the driver's own cache, e.g. pgjdbc's, works either way)
 */
public record PoolSettings(int maximumSize, int minimumIdle, Duration borrowTimeout, Duration maxLifetime,
                           Validation validation, boolean autoCommit, int statementCacheSize) {

    /** HikariCP's floor for the borrow timeout. */
    public static final Duration MIN_BORROW_TIMEOUT = Duration.ofMillis(250);
    /** HikariCP's floor for a connection's lifetime. */
    public static final Duration MIN_LIFETIME = Duration.ofSeconds(30);

    public PoolSettings {
        Objects.requireNonNull(borrowTimeout, "borrowTimeout");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        Objects.requireNonNull(validation, "validation");
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be at least 1, was " + maximumSize);
        }
        if (minimumIdle < 0 || minimumIdle > maximumSize) {
            throw new IllegalArgumentException("minimumIdle must be between 0 and maximumSize (" + maximumSize + "), was " + minimumIdle);
        }
        if (borrowTimeout.compareTo(MIN_BORROW_TIMEOUT) < 0 || borrowTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("borrowTimeout must be between 250 ms and " + Integer.MAX_VALUE
                    + " ms (HikariCP replaces shorter ones with 30 s), was " + borrowTimeout.toMillis() + " ms");
        }
        if (maxLifetime.isNegative() || (!maxLifetime.isZero() && maxLifetime.compareTo(MIN_LIFETIME) < 0)) {
            throw new IllegalArgumentException("maxLifetime must be 0 (no limit) or at least 30 s (HikariCP replaces shorter ones with 30 min), was "
                    + maxLifetime.toMillis() + " ms");
        }
        if (statementCacheSize < 0) {
            throw new IllegalArgumentException("statementCacheSize must be 0 (off) or more, was " + statementCacheSize);
        }
    }

    /**
     * A fixed-size pool of {@code maximumSize} connections with HikariCP's other defaults: 30 s borrow
     * timeout, 30 min lifetime, no check on borrow, auto-commit on, no pool-level statement cache.
     */
    public static PoolSettings of(int maximumSize) {
        return new PoolSettings(maximumSize, maximumSize, Duration.ofSeconds(30), Duration.ofMinutes(30), Validation.NONE, true, 0);
    }

    /**
     * The guide's SQLAlchemy engine: {@code pool_size=10, pool_timeout=30, pool_recycle=3600,
     * pool_pre_ping=True}. Its {@code max_overflow=20} (20 more connections, closed when returned) has
     * no counterpart in these pools; {@code withMaximumSize(30).withMinimumIdle(10)} is the nearest.
     */
    public static PoolSettings guide() {
        return new PoolSettings(10, 10, Duration.ofSeconds(30), Duration.ofHours(1), Validation.ON_BORROW, true, 0);
    }

    public PoolSettings withMaximumSize(int size) {
        return new PoolSettings(size, Math.min(minimumIdle, size), borrowTimeout, maxLifetime, validation, autoCommit, statementCacheSize);
    }

    public PoolSettings withMinimumIdle(int idle) {
        return new PoolSettings(maximumSize, idle, borrowTimeout, maxLifetime, validation, autoCommit, statementCacheSize);
    }

    public PoolSettings withBorrowTimeout(Duration timeout) {
        return new PoolSettings(maximumSize, minimumIdle, timeout, maxLifetime, validation, autoCommit, statementCacheSize);
    }

    public PoolSettings withMaxLifetime(Duration lifetime) {
        return new PoolSettings(maximumSize, minimumIdle, borrowTimeout, lifetime, validation, autoCommit, statementCacheSize);
    }

    public PoolSettings withValidation(Validation check) {
        return new PoolSettings(maximumSize, minimumIdle, borrowTimeout, maxLifetime, check, autoCommit, statementCacheSize);
    }

    public PoolSettings withAutoCommit(boolean on) {
        return new PoolSettings(maximumSize, minimumIdle, borrowTimeout, maxLifetime, validation, on, statementCacheSize);
    }

    public PoolSettings withStatementCacheSize(int size) {
        return new PoolSettings(maximumSize, minimumIdle, borrowTimeout, maxLifetime, validation, autoCommit, size);
    }

    /** Whether a pooled connection is checked before it is handed out (the guide's {@code pool_pre_ping}). */
    public enum Validation {
        /** Hand out idle connections unchecked. */
        NONE,
        /** Check every connection with {@code Connection.isValid} before handing it out; replace it if dead. */
        ON_BORROW
    }
}
