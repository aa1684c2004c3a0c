package dev.dbbench.core.provision;

import java.util.Locale;

/**
 * How large the benchmarks' tables are. {@code FULL} is every size as the benchmark states it;
 * {@code SMOKE} divides the large ones by {@value #SMOKE_DIVISOR}, so the smoke profile proves that
 * every method and parameter combination runs end to end in minutes instead of building a million
 * rows for a check that reads its figures nowhere. A run records its scale (environment.json, the
 * report's header) so a scaled figure is never read as a full one.
 */
public enum Scale {
    FULL(1),
    SMOKE(Scale.SMOKE_DIVISOR);

    public static final int SMOKE_DIVISOR = 100;
    /** Below this many rows a size is kept as given: a table of a few rows would not exercise a page, a batch or an index at all. */
    static final long FLOOR = 100;

    private final int divisor;

    Scale(int divisor) {
        this.divisor = divisor;
    }

    /** {@code rows} at this scale: divided, but never below {@value #FLOOR} (nor above the size given). */
    public long rows(long rows) {
        if (divisor == 1 || rows <= FLOOR) {
            return rows;
        }
        return Math.max(FLOOR, rows / divisor);
    }

    /** {@link #rows(long)} for an {@code int} size. */
    public int rows(int rows) {
        return (int) rows((long) rows);
    }

    public int divisor() {
        return divisor;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One line for a person: "full size" or "smoke: tables scaled to 1/100". */
    public String describe() {
        return divisor == 1 ? "full size" : label() + ": tables scaled to 1/" + divisor;
    }

    /** {@code full} or {@code smoke}, as {@link #label()} writes it. */
    public static Scale parse(String value, String settingName) {
        for (Scale s : values()) {
            if (s.label().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException(settingName + " must be full or smoke, was \"" + value + "\". Give -D" + ForkContract.SCALE_PROPERTY + "=smoke or leave it unset");
    }

    /** The scale this process was handed (a launcher's fork), else full. */
    public static Scale current() {
        return ForkContract.fromSystemProperties().scale();
    }
}
