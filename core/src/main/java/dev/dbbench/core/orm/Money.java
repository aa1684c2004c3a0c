package dev.dbbench.core.orm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Amounts of money: {@link BigDecimal} with two decimal places, never binary floating point.
 *
 * <p>The guide declares {@code total = Column(Float)}, so its {@code sum(...) == 100.00} only holds
 * for lucky values (0.1 + 0.2 != 0.3) and "sum of totals > 1000" can flip at the boundary. Here the
 * amounts stay exact in both databases: PostgreSQL stores {@code NUMERIC(12, 2)}, whose SUM is exact;
 * SQLite has no decimal type (a NUMERIC column silently keeps 49.99 as a double), so it stores whole
 * cents in an INTEGER column, whose SUM is exact 64-bit arithmetic.
 */
public final class Money {
    private Money() {}

    /** {@code amount} with scale 2; more decimal places are refused rather than rounded away. */
    public static BigDecimal exact(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount must have at most 2 decimal places, was " + amount.toPlainString() + ". Round it first", e);
        }
    }

    /** {@code "25.00"} as an exact amount. */
    public static BigDecimal of(String amount) {
        return exact(new BigDecimal(amount));
    }

    static long toCents(BigDecimal amount) {
        return exact(amount).movePointRight(2).longValueExact();
    }

    static BigDecimal fromCents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
