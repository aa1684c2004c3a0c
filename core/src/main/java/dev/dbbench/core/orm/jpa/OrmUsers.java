package dev.dbbench.core.orm.jpa;

import dev.dbbench.core.orm.Money;
import dev.dbbench.core.orm.OrderSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The guide's section 4 operations through Hibernate, each inside the caller's session (run them in
 * {@link Orm#inSession}): the same operations and results as the JDBC {@code UserRepository} and
 * {@code OrderRepository}, as queries on the entities (HQL) instead of SQL. Parameters are bound,
 * never concatenated.
 */
public final class OrmUsers {
    private OrmUsers() {}

    /** {@code session.add(user)}: the user gets their id when the insert runs (at once, with IDENTITY ids). */
    public static UserEntity create(Session s, String email, String name) {
        UserEntity user = new UserEntity(email, name);
        s.persist(user);
        return user;
    }

    /** The guide's {@code get_session()} example: a user and one order, saved together by cascade. */
    public static UserEntity createWithOrder(Session s, String email, String name, BigDecimal total) {
        UserEntity user = new UserEntity(email, name);
        user.addOrder(new OrderEntity(total));
        s.persist(user);
        return user;
    }

    /** {@code query(User).filter_by(email=...).first()}. */
    public static Optional<UserEntity> findByEmail(Session s, String email) {
        return s.createSelectionQuery("from UserEntity where email = :email", UserEntity.class)
                .setParameter("email", Objects.requireNonNull(email, "email"))
                .uniqueResultOptional();
    }

    /** {@code filter(User.is_active == True)}, by id. */
    public static List<UserEntity> findActive(Session s) {
        return s.createSelectionQuery("from UserEntity where active = :active order by id", UserEntity.class)
                .setParameter("active", true)
                .getResultList();
    }

    /**
     * "Count orders per user": users with more than {@code minOrders} orders, with the count and the
     * sum of their totals, by id (grouped by id as well as name, as the JDBC repository does: the
     * guide's group by name alone merges two users who share a name).
     */
    public static List<OrderSummary> summariesWithMoreThan(Session s, int minOrders) {
        return s.createSelectionQuery("""
                        select u.id, u.name, count(o.id), sum(o.total)
                        from UserEntity u join u.orders o
                        group by u.id, u.name
                        having count(o.id) > :min
                        order by u.id""", Object[].class)
                .setParameter("min", (long) minOrders)
                .getResultList().stream()
                .map(r -> new OrderSummary((Long) r[0], (String) r[1], (Long) r[2], amount(r[3])))
                .toList();
    }

    /** "Big spenders", with the guide's subquery: users whose orders sum to more than {@code threshold}, by id. */
    public static List<UserEntity> bigSpenders(Session s, BigDecimal threshold) {
        return s.createSelectionQuery("""
                        from UserEntity u
                        where u.id in (select o.user.id from OrderEntity o group by o.user.id having sum(o.total) > :threshold)
                        order by u.id""", UserEntity.class)
                .setParameter("threshold", boundMoney(s, threshold))
                .getResultList();
    }

    /** {@code user.name = ...; session.commit()}: a change to a managed entity is written at flush. False when no such user. */
    public static boolean rename(Session s, long id, String newName) {
        UserEntity user = s.find(UserEntity.class, id);
        if (user == null) {
            return false;
        }
        user.setName(newName);
        return true;
    }

    /** The guide's bulk update, one UPDATE statement: deactivates users created before {@code cutoff}; returns how many changed. */
    public static int deactivateCreatedBefore(Session s, Instant cutoff) {
        return s.createMutationQuery("update UserEntity set active = :inactive where createdAt < :cutoff and active = :active")
                .setParameter("inactive", false)
                .setParameter("cutoff", cutoff.truncatedTo(ChronoUnit.MICROS))
                .setParameter("active", true)
                .executeUpdate();
    }

    /**
     * {@code session.delete(user)}: Hibernate's cascade (the guide's {@code delete-orphan}) loads the
     * user's orders and deletes each before the user. False when no such user.
     */
    public static boolean delete(Session s, long id) {
        UserEntity user = s.find(UserEntity.class, id);
        if (user == null) {
            return false;
        }
        s.remove(user);
        return true;
    }

    /**
     * An amount to compare with a SUM of totals. Hibernate applies the SQLite cents converter to the
     * column but not to a parameter compared with an aggregate of it, so on SQLite the amount is
     * bound as cents, as it is stored; on PostgreSQL as the exact decimal.
     */
    private static Object boundMoney(Session s, BigDecimal amount) {
        BigDecimal exact = Money.exact(amount);
        boolean sqlite = s.getFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect() instanceof SQLiteDialect;
        return sqlite ? new SqliteColumns.Cents().convertToDatabaseColumn(exact) : exact;
    }

    /**
     * A sum of money from a query. On PostgreSQL the NUMERIC sum arrives as a BigDecimal; on SQLite
     * the sum of the cents column arrives as a whole number of cents.
     */
    private static BigDecimal amount(Object value) {
        if (value instanceof BigDecimal d) {
            return Money.exact(d);
        }
        return BigDecimal.valueOf(((Number) value).longValue(), 2);
    }
}
