package dev.dbbench.core.orm.jpa;

import dev.dbbench.core.orm.Money;
import dev.dbbench.core.orm.Order;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The guide's {@code Order} model on the existing {@code orders} table. The guide's {@code Float}
 * total is an exact amount here (see {@link Money}); the user is loaded lazily, as the guide's
 * {@code relationship} is.
 */
@Entity
@Table(name = "orders")
public class OrderEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private UserEntity user;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal total;

    @Column(nullable = false, length = 20)
    private String status = "pending";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OrderEntity() {}

    /** A pending order placed now. */
    public OrderEntity(BigDecimal total) {
        this(total, "pending", Instant.now());
    }

    public OrderEntity(BigDecimal total, String status, Instant createdAt) {
        this.total = Money.exact(total);
        this.status = Objects.requireNonNull(status, "status");
        this.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    void setUser(UserEntity user) {
        this.user = user;
    }

    public Long getId() {
        return id;
    }

    public UserEntity getUser() {
        return user;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public String getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The plain record; reads only the user's id, which a lazy proxy holds without a query. */
    public Order toRecord() {
        return new Order(id, user.getId(), total, status, createdAt);
    }
}
