package dev.dbbench.core.orm.jpa;

import dev.dbbench.core.orm.SampleData;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.StatelessSession;

/**
 * The sample users and orders of {@link SampleData} written through Hibernate, three ways, each
 * leaving the same rows as {@code SampleData.insert} does over JDBC (ids aside):
 *
 * <ul>
 *   <li>{@link #persistIdentity}: the plain mapping ({@link UserEntity}, IDENTITY ids), persisting
 *       each user with its orders by cascade. Hibernate must read every id back, so each row is an
 *       INSERT of its own, whatever {@code hibernate.jdbc.batch_size} says.</li>
 *   <li>{@link #persistSequenced}: {@link SequencedUser} with sequence ids; with a batch size the
 *       inserts go as JDBC batches (users, then orders, {@code hibernate.order_inserts}), without one
 *       each on its own.</li>
 *   <li>{@link #insertStateless}: the same entities through a {@link StatelessSession}: no
 *       persistence context, no cascade, no dirty checking; batched by the same setting.</li>
 * </ul>
 * The sessions are flushed and cleared every {@code chunk} users (Hibernate's advice for bulk work),
 * so memory stays flat at 100,000 users.
 */
public final class OrmInserts {
    /** Users per flush: the persistence context never holds more. */
    public static final int CHUNK = 1_000;

    private OrmInserts() {}

    public static void persistIdentity(Session s, int users, int ordersPerUser) {
        for (int u = 1; u <= users; u++) {
            UserEntity user = new UserEntity(SampleData.email(u), SampleData.name(u), SampleData.userCreatedAt(u));
            user.setActive(SampleData.active(u));
            for (int o = 0; o < ordersPerUser; o++) {
                user.addOrder(new OrderEntity(SampleData.total(u, o), SampleData.status(u, o), SampleData.orderCreatedAt(u, o)));
            }
            s.persist(user);
            if (u % CHUNK == 0) {
                s.flush();
                s.clear();
            }
        }
    }

    public static void persistSequenced(Session s, int users, int ordersPerUser) {
        for (int u = 1; u <= users; u++) {
            s.persist(sequenced(u, ordersPerUser));
            if (u % CHUNK == 0) {
                s.flush();
                s.clear();
            }
        }
    }

    public static void insertStateless(StatelessSession s, int users, int ordersPerUser) {
        for (int from = 1; from <= users; from += CHUNK) {
            List<SequencedUser> chunk = new ArrayList<>(CHUNK);
            List<SequencedOrder> orders = new ArrayList<>(CHUNK * ordersPerUser);
            for (int u = from; u < from + CHUNK && u <= users; u++) {
                SequencedUser user = sequenced(u, ordersPerUser);
                chunk.add(user);
                orders.addAll(user.getOrders());
            }
            // Users first, so the orders' user ids exist; each list goes as batches of one statement shape.
            s.insertMultiple(chunk);
            s.insertMultiple(orders);
        }
    }

    private static SequencedUser sequenced(int u, int ordersPerUser) {
        SequencedUser user = new SequencedUser(SampleData.email(u), SampleData.name(u), SampleData.active(u), SampleData.userCreatedAt(u));
        for (int o = 0; o < ordersPerUser; o++) {
            user.addOrder(new SequencedOrder(SampleData.total(u, o), SampleData.status(u, o), SampleData.orderCreatedAt(u, o)));
        }
        return user;
    }
}
