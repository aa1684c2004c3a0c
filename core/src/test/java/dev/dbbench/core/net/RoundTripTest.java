package dev.dbbench.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    @Test
    void parsesValuesWithUnitsAndZeroAlone() {
        List<RoundTrip> rtts = RoundTrip.parseList("0, 0.5ms,2ms,250us,1s", "--pg-rtt");
        assertEquals(List.of(Duration.ZERO, Duration.ofNanos(500_000), Duration.ofMillis(2), Duration.ofNanos(250_000), Duration.ofSeconds(1)),
                rtts.stream().map(RoundTrip::value).toList());
        assertEquals(List.of("0ms", "0.5ms", "2ms", "0.25ms", "1000ms"), rtts.stream().map(RoundTrip::label).toList());
        assertEquals(Duration.ofNanos(250_000), RoundTrip.parseList("0.5ms", "--pg-rtt").get(0).oneWay());
    }

    @Test
    void badValuesNameTheSettingTheRuleAndTheFix() {
        String rule = ". Give round trips from 0 to 1s with a unit (us, ms or s), comma-separated, e.g. --pg-rtt 0,0.5ms,2ms";
        assertEquals("--pg-rtt value \"-1ms\" is negative" + rule,
                assertThrows(IllegalArgumentException.class, () -> RoundTrip.parseList("0,-1ms", "--pg-rtt")).getMessage());
        assertEquals("--pg-rtt value \"5\" has no unit" + rule,
                assertThrows(IllegalArgumentException.class, () -> RoundTrip.parseList("5", "--pg-rtt")).getMessage());
        assertEquals("--pg-rtt value \"1.5s\" is over 1s" + rule,
                assertThrows(IllegalArgumentException.class, () -> RoundTrip.parseList("1.5s", "--pg-rtt")).getMessage());
        assertEquals("-Ddbbench.pg.rtt value \"fast\" in \"0,fast\" is not a round trip" + rule.replace("--pg-rtt 0", "-Ddbbench.pg.rtt=0"),
                assertThrows(IllegalArgumentException.class, () -> RoundTrip.parseList("0,fast", "-Ddbbench.pg.rtt")).getMessage());
        assertEquals("--pg-rtt value \"\" in \"1ms,\" is not a round trip" + rule,
                assertThrows(IllegalArgumentException.class, () -> RoundTrip.parseList("1ms,", "--pg-rtt")).getMessage());
        assertEquals("--pg-rtt names the round trip 1ms twice in \"1ms,1000us\". Give each value once, e.g. --pg-rtt 0,0.5ms,2ms",
                assertThrows(IllegalArgumentException.class, () -> RoundTrip.parseList("1ms,1000us", "--pg-rtt")).getMessage());
    }
}
