package dev.dbbench.core.orm;

import java.math.BigDecimal;

/** A user's order count and the sum of their totals (the guide's "count orders per user"). */
public record OrderSummary(long userId, String name, long orderCount, BigDecimal totalSpent) {
    public OrderSummary {
        totalSpent = Money.exact(totalSpent);
    }
}
