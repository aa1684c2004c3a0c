package dev.dbbench.core.orm.jpa;

import dev.dbbench.core.orm.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** {@link OrderEntity} with sequence ids (see {@link SequencedUser}). */
@Entity
@Table(name = "orders")
public class SequencedOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = OrmSchema.ORDER_IDS)
    @SequenceGenerator(name = OrmSchema.ORDER_IDS, sequenceName = OrmSchema.ORDER_IDS, initialValue = OrmSchema.FIRST_ID,
            allocationSize = OrmSchema.ID_ALLOCATION)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private SequencedUser user;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal total;

    @Column(nullable = false, length = 20)
    private String status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SequencedOrder() {}

    public SequencedOrder(BigDecimal total, String status, Instant createdAt) {
        this.total = Money.exact(total);
        this.status = Objects.requireNonNull(status, "status");
        this.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    void setUser(SequencedUser user) {
        this.user = user;
    }

    public Long getId() {
        return id;
    }
}
