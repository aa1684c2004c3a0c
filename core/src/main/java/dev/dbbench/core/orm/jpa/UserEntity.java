package dev.dbbench.core.orm.jpa;

import dev.dbbench.core.orm.User;
import dev.dbbench.core.orm.UserWithOrders;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedAttributeNode;
import jakarta.persistence.NamedEntityGraph;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The guide's {@code User} model on the existing {@code users} table ({@code UserOrderSchema}).
 * Ids are the database's (IDENTITY), as the guide's {@code Integer primary_key} is: the simplest
 * mapping, and the one that makes Hibernate send every insert on its own (it must read each id back).
 * {@code orders} is lazy, ordered by id, and owned with {@code cascade="all, delete-orphan"}.
 */
@Entity
@Table(name = "users")
@NamedEntityGraph(name = UserEntity.WITH_ORDERS, attributeNodes = @NamedAttributeNode("orders"))
public class UserEntity {
    /** The entity graph that loads a user's orders with the user (one statement). */
    public static final String WITH_ORDERS = "UserEntity.withOrders";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 255)
    private String email;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "is_active", nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "user", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<OrderEntity> orders = new ArrayList<>();

    protected UserEntity() {}

    /** A new active user registered now (to the microsecond both databases keep). */
    public UserEntity(String email, String name) {
        this(email, name, Instant.now());
    }

    public UserEntity(String email, String name, Instant createdAt) {
        this.email = Objects.requireNonNull(email, "email");
        this.name = Objects.requireNonNull(name, "name");
        this.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** Adds {@code order} to this user's orders and sets its user: both sides of the relationship agree. */
    public OrderEntity addOrder(OrderEntity order) {
        orders.add(order);
        order.setUser(this);
        return order;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<OrderEntity> getOrders() {
        return orders;
    }

    /** The plain record the JDBC repository returns, to compare the two. */
    public User toRecord() {
        return new User(id, email, name, active, createdAt);
    }

    /** The user and their orders as the JDBC loaders build them; touches {@code orders} (a lazy load when not yet fetched). */
    public UserWithOrders toGraph() {
        return new UserWithOrders(toRecord(), orders.stream().map(OrderEntity::toRecord).toList());
    }

    @Override
    public String toString() {
        return "UserEntity[id=" + id + ", email=" + email + "]";
    }
}
