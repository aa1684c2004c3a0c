package dev.dbbench.core.orm.jpa;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link UserEntity} with ids from a sequence instead of the database's identity column, on the
 * same {@code users} table: Hibernate knows each id before the insert (50 at a time, one sequence
 * call per 50), so it can send the inserts as JDBC batches, which IDENTITY rules out. Used to
 * measure that difference; {@link OrmSchema#create} makes the sequences (a table on SQLite, which has
 * none: Hibernate emulates a sequence there).
 */
@Entity
@Table(name = "users")
public class SequencedUser {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = OrmSchema.USER_IDS)
    @SequenceGenerator(name = OrmSchema.USER_IDS, sequenceName = OrmSchema.USER_IDS, initialValue = OrmSchema.FIRST_ID,
            allocationSize = OrmSchema.ID_ALLOCATION)
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
    private List<SequencedOrder> orders = new ArrayList<>();

    protected SequencedUser() {}

    public SequencedUser(String email, String name, boolean active, Instant createdAt) {
        this.email = Objects.requireNonNull(email, "email");
        this.name = Objects.requireNonNull(name, "name");
        this.active = active;
        this.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    public SequencedOrder addOrder(SequencedOrder order) {
        orders.add(order);
        order.setUser(this);
        return order;
    }

    public Long getId() {
        return id;
    }

    public List<SequencedOrder> getOrders() {
        return orders;
    }
}
