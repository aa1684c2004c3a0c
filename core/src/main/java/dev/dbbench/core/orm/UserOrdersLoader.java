package dev.dbbench.core.orm;

import dev.dbbench.core.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads every user with their orders, three ways (the guide's section 10, "the N+1 query problem").
 * All three return the same graph: users by id, each with their orders by id, users without orders
 * included with an empty list.
 *
 * <ul>
 *   <li>{@link #nPlusOne}: one query for the users, then one per user for their orders, as a lazy
 *       relationship does when the code touches {@code user.orders}: 1 + N statements.</li>
 *   <li>{@link #join}: one LEFT JOIN, folded into objects (SQLAlchemy's {@code joinedload}): 1 statement,
 *       but every user's columns repeat on each of their order rows.</li>
 *   <li>{@link #inBatch}: the users, then their orders with {@code user_id IN (...)} (SQLAlchemy's
 *       {@code selectinload}): 2 statements, plus one per further chunk when the ids exceed the bind
 *       parameter limit.</li>
 * </ul>
 */
public final class UserOrdersLoader {
    private static final String USERS = "SELECT id, email, name, is_active, created_at FROM users ORDER BY id";
    private static final String ORDER_COLUMNS = "SELECT id, user_id, total, status, created_at FROM orders";

    private final Columns columns;
    private final int maxIdsPerQuery;

    /** A loader whose IN lists are as long as the dialect allows bind parameters. */
    public UserOrdersLoader(Dialect dialect) {
        this(dialect, dialect.maxParameters());
    }

    /**
     * A loader whose IN lists carry at most {@code maxIdsPerQuery} ids, between 1 and
     * {@code dialect.maxParameters()}.
     */
    public UserOrdersLoader(Dialect dialect, int maxIdsPerQuery) {
        if (maxIdsPerQuery < 1 || maxIdsPerQuery > dialect.maxParameters()) {
            throw new IllegalArgumentException("maxIdsPerQuery must be between 1 and " + dialect.maxParameters()
                    + " (the " + dialect + " bind parameter limit), was " + maxIdsPerQuery);
        }
        this.columns = new Columns(dialect);
        this.maxIdsPerQuery = maxIdsPerQuery;
    }

    /** 1 + N statements. Each user's orders are prepared afresh, as an ORM's independent lazy load is. */
    public List<UserWithOrders> nPlusOne(Connection c) throws SQLException {
        List<User> users = users(c);
        List<UserWithOrders> graph = new ArrayList<>(users.size());
        for (User user : users) {
            List<Order> orders = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ORDER_COLUMNS + " WHERE user_id = ? ORDER BY id")) {
                ps.setLong(1, user.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        orders.add(columns.order(rs, ""));
                    }
                }
            }
            graph.add(new UserWithOrders(user, orders));
        }
        return graph;
    }

    /** 1 statement: a LEFT JOIN (so users without orders stay), rows folded by user id in id order. */
    public List<UserWithOrders> join(Connection c) throws SQLException {
        Map<Long, User> users = new LinkedHashMap<>();
        Map<Long, List<Order>> orders = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT u.id AS u_id, u.email AS u_email, u.name AS u_name, u.is_active AS u_is_active, u.created_at AS u_created_at,
                       o.id AS o_id, o.user_id AS o_user_id, o.total AS o_total, o.status AS o_status, o.created_at AS o_created_at
                FROM users u LEFT JOIN orders o ON o.user_id = u.id
                ORDER BY u.id, o.id""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long userId = rs.getLong("u_id");
                if (!users.containsKey(userId)) {
                    users.put(userId, columns.user(rs, "u_"));
                    orders.put(userId, new ArrayList<>());
                }
                rs.getLong("o_id");
                if (!rs.wasNull()) {
                    orders.get(userId).add(columns.order(rs, "o_"));
                }
            }
        }
        List<UserWithOrders> graph = new ArrayList<>(users.size());
        users.forEach((id, user) -> graph.add(new UserWithOrders(user, orders.get(id))));
        return graph;
    }

    /**
     * 1 statement for the users and 1 per chunk of at most {@code maxIdsPerQuery} ids for their
     * orders; no orders query when there are no users. The SQL carries only placeholders, never ids.
     * (PostgreSQL could take all ids as one array, {@code user_id = ANY(?)}; the IN list is kept on
     * both databases so the two measure the same query shape.)
     */
    public List<UserWithOrders> inBatch(Connection c) throws SQLException {
        List<User> users = users(c);
        Map<Long, List<Order>> orders = new LinkedHashMap<>();
        for (User user : users) {
            orders.put(user.id(), new ArrayList<>());
        }
        for (int from = 0; from < users.size(); from += maxIdsPerQuery) {
            List<User> chunk = users.subList(from, Math.min(users.size(), from + maxIdsPerQuery));
            String sql = ORDER_COLUMNS + " WHERE user_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") ORDER BY id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i).id());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Order order = columns.order(rs, "");
                        orders.get(order.userId()).add(order);
                    }
                }
            }
        }
        List<UserWithOrders> graph = new ArrayList<>(users.size());
        for (User user : users) {
            graph.add(new UserWithOrders(user, orders.get(user.id())));
        }
        return graph;
    }

    /** How many statements {@link #inBatch} issues for {@code users} users. */
    public int inBatchStatements(int users) {
        return 1 + (users + maxIdsPerQuery - 1) / maxIdsPerQuery;
    }

    private List<User> users(Connection c) throws SQLException {
        List<User> users = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(USERS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.add(columns.user(rs, ""));
            }
        }
        return users;
    }
}
