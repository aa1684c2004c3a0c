package dev.dbbench.bench.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The test-only slowdown is off in a normal build and never changes what the operation returns or throws. */
class InjectedSlowdownTest {
    @Test
    void offWithoutItsResource() {
        assertNull(getClass().getClassLoader().getResource(InjectedSlowdown.RESOURCE), "the build never ships the resource");
        assertEquals(0.0, InjectedSlowdown.fraction());
    }

    @Test
    void theWrappedCallsResultAndFailurePassThrough() throws Exception {
        Object result = new Object();
        assertSame(result, InjectedSlowdown.around(() -> result));
        SQLException failure = new SQLException("boom", "08006");
        assertSame(failure, assertThrows(SQLException.class, () -> InjectedSlowdown.around(() -> {
            throw failure;
        })));
    }
}
