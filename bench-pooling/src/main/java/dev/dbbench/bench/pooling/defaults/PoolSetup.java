package dev.dbbench.bench.pooling.defaults;

import dev.dbbench.bench.pooling.PoolingSettings;
import dev.dbbench.core.pool.ConnectionPool;
import dev.dbbench.core.pool.ConnectionPools;
import dev.dbbench.core.pool.PoolKind;
import dev.dbbench.core.pool.PoolSettings;
import javax.sql.DataSource;

/**
 * HikariCP and dbcp2 as they come and as configured alike, in the steps that separate the two:
 * from dbcp2's defaults to the shared settings with a check on every borrow, then without it.
 */
public enum PoolSetup {
    /** HikariCP with only its size and borrow timeout set. */
    HIKARI_DEFAULTS {
        @Override
        public ConnectionPool start(DataSource target) {
            return ConnectionPools.withLibraryDefaults(PoolKind.HIKARI, target, SETTINGS.maximumSize(), SETTINGS.borrowTimeout());
        }
    },
    /** HikariCP from the shared {@link PoolingSettings#SETTINGS}. */
    HIKARI {
        @Override
        public ConnectionPool start(DataSource target) {
            return ConnectionPools.create(PoolKind.HIKARI, target, SETTINGS);
        }
    },
    /** dbcp2 with only its size and borrow timeout set: testOnBorrow on, maxIdle 8, initialSize 0. */
    DBCP2_DEFAULTS {
        @Override
        public ConnectionPool start(DataSource target) {
            return ConnectionPools.withLibraryDefaults(PoolKind.DBCP2, target, SETTINGS.maximumSize(), SETTINGS.borrowTimeout());
        }
    },
    /** dbcp2 from the shared settings but with its default check on every borrow kept. */
    DBCP2_CHECKED {
        @Override
        public ConnectionPool start(DataSource target) {
            return ConnectionPools.create(PoolKind.DBCP2, target, SETTINGS.withValidation(PoolSettings.Validation.ON_BORROW));
        }
    },
    /** dbcp2 from the shared settings. */
    DBCP2 {
        @Override
        public ConnectionPool start(DataSource target) {
            return ConnectionPools.create(PoolKind.DBCP2, target, SETTINGS);
        }
    };

    private static final PoolSettings SETTINGS = PoolingSettings.SETTINGS;

    /** The pool over {@code target}, started. */
    public abstract ConnectionPool start(DataSource target);
}
