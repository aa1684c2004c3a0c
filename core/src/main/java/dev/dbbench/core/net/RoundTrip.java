package dev.dbbench.core.net;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A network round trip to emulate between a client and PostgreSQL: 0 (loopback as it is) up to
 * {@link #MAX}. A data centre is 0.2-0.5 ms, across zones 1-2 ms; a second is far beyond anything
 * a database client is meant to be used over, and a typo ({@code 500} meant as ms, given as s).
 *
 * @param value the added round trip; each direction is delayed by half of it
 */
public record RoundTrip(Duration value) {
    public static final Duration MAX = Duration.ofSeconds(1);
    public static final RoundTrip NONE = new RoundTrip(Duration.ZERO);

    private static final Pattern VALUE = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(us|µs|ms|s)?");

    public RoundTrip {
        if (value.isNegative() || value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("round trip " + value + " is out of range: 0 to 1s");
        }
    }

    /** Half the round trip: the delay of each direction. */
    public Duration oneWay() {
        return value.dividedBy(2);
    }

    public boolean isZero() {
        return value.isZero();
    }

    /** In milliseconds, as short as exact: {@code 0ms}, {@code 0.25ms}, {@code 2ms}. The parameter value in results. */
    public String label() {
        return new BigDecimal(value.toNanos()).movePointLeft(6).stripTrailingZeros().toPlainString() + "ms";
    }

    @Override
    public String toString() {
        return label();
    }

    /**
     * Parses a comma-separated list such as {@code 0,0.5ms,2ms}: each value a number with a unit
     * ({@code us}, {@code ms}, {@code s}), or {@code 0} alone. {@code setting} names the option or
     * property as the person typed it, for the message of the {@link IllegalArgumentException}
     * thrown on a bad value (negative, no unit, over 1 s, not a number, given twice).
     */
    public static List<RoundTrip> parseList(String text, String setting) {
        List<RoundTrip> out = new ArrayList<>();
        String example = (setting.startsWith("-D") ? setting + "=" : setting + " ") + "0,0.5ms,2ms";
        for (String part : text.split(",", -1)) {
            RoundTrip rtt = parse(part.strip(), setting, text, example);
            if (out.contains(rtt)) {
                throw new IllegalArgumentException(setting + " names the round trip " + rtt.label() + " twice in \"" + text
                        + "\". Give each value once, e.g. " + example);
            }
            out.add(rtt);
        }
        return List.copyOf(out);
    }

    private static RoundTrip parse(String part, String setting, String whole, String example) {
        String rule = ". Give round trips from 0 to 1s with a unit (us, ms or s), comma-separated, e.g. " + example;
        if (part.equals("0")) {
            return NONE;
        }
        if (part.startsWith("-")) {
            throw new IllegalArgumentException(setting + " value \"" + part + "\" is negative" + rule);
        }
        Matcher m = VALUE.matcher(part.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(setting + " value \"" + part + "\" in \"" + whole + "\" is not a round trip" + rule);
        }
        if (m.group(2) == null) {
            throw new IllegalArgumentException(setting + " value \"" + part + "\" has no unit" + rule);
        }
        BigDecimal number = new BigDecimal(m.group(1));
        int shift = switch (m.group(2)) {
            case "s" -> 9;
            case "ms" -> 6;
            default -> 3;
        };
        BigDecimal nanos = number.movePointRight(shift);
        if (nanos.compareTo(BigDecimal.valueOf(MAX.toNanos())) > 0) {
            throw new IllegalArgumentException(setting + " value \"" + part + "\" is over 1s" + rule);
        }
        return new RoundTrip(Duration.ofNanos(nanos.longValue()));
    }
}
