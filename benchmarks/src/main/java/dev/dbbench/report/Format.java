package dev.dbbench.report;

import dev.dbbench.results.Metric;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers as people read them, in the report, the history page and the run's summary table:
 * {@link Locale#ROOT}, four significant digits, "n/a" for NaN. (results.csv keeps exact plain decimals
 * for programs: {@code ResultsCsv.number}.)
 */
public final class Format {
    private Format() {}

    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        double abs = Math.abs(value);
        if (abs != 0 && (abs < 1e-3 || abs >= 1e9)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A score with JMH's error: "1.234 ± 0.05"; the error is left out when JMH has none. */
    static String score(Metric metric) {
        return Double.isNaN(metric.error()) ? number(metric.score())
                : number(metric.score()) + " ± " + number(metric.error());
    }

    /** A speed-up: "12.3x", "0.85x". */
    static String ratio(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        String digits = Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : Math.abs(value) >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.2f", value);
        return digits + "x";
    }

    /** A claimed factor as the guide writes it: "10x", "1.5x". */
    static String factor(double value) {
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString() + "x";
    }

    static String interval(SpeedUp s) {
        return s.hasInterval() ? "[" + ratio(s.low()) + ", " + ratio(s.high()) + "]" : "n/a";
    }
}
