package dev.dbbench.core.index;

import java.util.List;

/** The four indexes of the guide's section 10 ("Index Strategy"), on {@link GuideTables}. */
public final class GuideIndexes {
    /** Single column, for {@code WHERE email = ?}. */
    public static final IndexDefinition USERS_EMAIL = new IndexDefinition.Single("idx_users_email", "users", "email");

    /** Composite, for {@code WHERE user_id = ? AND created_at >= ?}; the equality column leads. */
    public static final IndexDefinition ORDERS_USER_DATE = new IndexDefinition.Composite("idx_orders_user_date", "orders", List.of("user_id", "created_at"));

    /** Partial: emails of active users only. */
    public static final IndexDefinition ACTIVE_USERS = new IndexDefinition.Partial("idx_active_users", "users", List.of("email"), "is_active");

    /** Covering: {@code total} rides along in the leaves, so totals by user and status need no table visit. PostgreSQL only. */
    public static final IndexDefinition ORDERS_COVERING = new IndexDefinition.Covering("idx_orders_covering", "orders", List.of("user_id", "status"), List.of("total"));

    private GuideIndexes() {}

    /** All four, in the guide's order. */
    public static List<IndexDefinition> all() {
        return List.of(USERS_EMAIL, ORDERS_USER_DATE, ACTIVE_USERS, ORDERS_COVERING);
    }
}
