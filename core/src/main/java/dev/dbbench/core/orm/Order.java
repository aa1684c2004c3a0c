package dev.dbbench.core.orm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@code orders}.
 *
 * @param total  the amount in currency units with exactly two decimal places (see {@link Money})
 * @param status {@code pending} unless set otherwise
 */
public record Order(long id, long userId, BigDecimal total, String status, Instant createdAt) {
    public Order {
        total = Money.exact(total);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
