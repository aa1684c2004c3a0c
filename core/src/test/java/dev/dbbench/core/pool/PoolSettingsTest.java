package dev.dbbench.core.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PoolSettingsTest {
    private static final PoolSettings BASE = PoolSettings.of(4);

    @Test
    void refusesValuesAPoolWouldSilentlyReplaceOrReject() {
        assertMessage("maximumSize must be at least 1, was 0", () -> BASE.withMaximumSize(0));
        assertMessage("minimumIdle must be between 0 and maximumSize (4), was 5", () -> BASE.withMinimumIdle(5));
        assertMessage("borrowTimeout must be between 250 ms and 2147483647 ms (HikariCP replaces shorter ones with 30 s), was 100 ms",
                () -> BASE.withBorrowTimeout(Duration.ofMillis(100)));
        assertMessage("maxLifetime must be 0 (no limit) or at least 30 s (HikariCP replaces shorter ones with 30 min), was 10000 ms",
                () -> BASE.withMaxLifetime(Duration.ofSeconds(10)));
        assertMessage("statementCacheSize must be 0 (off) or more, was -1", () -> BASE.withStatementCacheSize(-1));
    }

    @Test
    void copiesChangeOneField() {
        PoolSettings s = BASE.withBorrowTimeout(Duration.ofMillis(250)).withAutoCommit(false).withStatementCacheSize(20)
                .withValidation(PoolSettings.Validation.ON_BORROW).withMaxLifetime(Duration.ZERO).withMinimumIdle(1);
        assertEquals(new PoolSettings(4, 1, Duration.ofMillis(250), Duration.ZERO, PoolSettings.Validation.ON_BORROW, false, 20), s);
        assertEquals(2, s.withMaximumSize(2).maximumSize());
        assertEquals(1, BASE.withMaximumSize(1).minimumIdle(), "minimumIdle follows a smaller maximumSize down");
    }

    private static void assertMessage(String expected, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertEquals(expected, e.getMessage());
    }
}
