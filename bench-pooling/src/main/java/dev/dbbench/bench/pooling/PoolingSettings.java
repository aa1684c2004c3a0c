package dev.dbbench.bench.pooling;

import dev.dbbench.bench.pooling.stub.StubDriver;
import dev.dbbench.core.pool.ConnectionPool;
import dev.dbbench.core.pool.ConnectionPools;
import dev.dbbench.core.pool.PoolKind;
import dev.dbbench.core.pool.PoolSettings;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one pool configuration every pooling benchmark uses, and what each pool makes of it.
 *
 * <p>Why these values: a fixed-size pool filled before measuring (minimumIdle = maximumSize), so no
 * variant opens connections inside the measurement except the no-pool baseline, whose whole point
 * that is. A borrow timeout far above any wait the contended cases produce, so nothing fails. No
 * check on borrow: it is the only choice all four honour alike in a busy loop (HikariCP skips checks
 * on connections used in the last 500 ms and cannot be told to check every time; the cost of
 * checking is measured on its own in {@code pooling.defaults}). Auto-commit on, as a pool hands
 * connections out by default. No pool-level statement cache, because HikariCP has none; the driver's
 * own cache (pgjdbc's) works the same under every pool.
 */
public final class PoolingSettings {
    /** The settings of a pool of {@code 4}; {@link #forSize(int)} gives the other sizes. */
    public static final PoolSettings SETTINGS = new PoolSettings(4, 4, Duration.ofSeconds(30), Duration.ofMinutes(30),
            PoolSettings.Validation.NONE, true, 0);

    private PoolingSettings() {}

    /** {@link #SETTINGS} with {@code size} connections, all opened before measuring. */
    public static PoolSettings forSize(int size) {
        return SETTINGS.withMaximumSize(size).withMinimumIdle(size);
    }

    /**
     * Pool kind ({@code none}, {@code hikari}, {@code dbcp2}, {@code tomcat}) to the properties that
     * pool reports when built from {@link #SETTINGS}, by its own property names. Built over the stub
     * driver, so no database is needed; the {@code size} parameter of a benchmark changes only the
     * size properties (maximumPoolSize/maxTotal/maxActive, and the minimum idle ones).
     */
    public static Map<String, Map<String, String>> effective() {
        Map<String, Map<String, String>> byKind = new LinkedHashMap<>();
        StubDriver driver = new StubDriver();
        for (PoolKind kind : PoolKind.values()) {
            try (ConnectionPool pool = ConnectionPools.create(kind, driver.dataSource(), SETTINGS)) {
                byKind.put(kind.label(), pool.effectiveSettings());
            }
        }
        return Collections.unmodifiableMap(byKind);
    }
}
