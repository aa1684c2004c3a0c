package dev.dbbench.core.orm;

import java.util.List;
import java.util.Objects;

/** A user with all of their orders, ordered by order id: the object graph the loading strategies build. */
public record UserWithOrders(User user, List<Order> orders) {
    public UserWithOrders {
        Objects.requireNonNull(user, "user");
        orders = List.copyOf(orders);
    }
}
