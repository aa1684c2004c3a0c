package dev.dbbench.core.orm.jpa;

import dev.dbbench.core.orm.UserWithOrders;
import jakarta.persistence.EntityGraph;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.graph.GraphSemantic;

/**
 * Loading every user with their orders through Hibernate, the guide's N+1 lesson in its own terms
 * (its section 10: lazy loading, {@code joinedload}, {@code subqueryload}). Each returns the graph
 * the JDBC {@code UserOrdersLoader} builds, users by id with their orders by id, so the two can be
 * compared; building those records from the entities is part of the work (it is what touches the
 * lazy collections), a small cost beside the loading.
 *
 * <ul>
 *   <li>{@link #lazy}: the users, then each user's orders when first touched: 1 + N statements.</li>
 *   <li>{@link #joinFetch}: {@code left join fetch}, SQLAlchemy's {@code joinedload}: 1 statement.</li>
 *   <li>{@link #entityGraph}: the same join asked for by a named entity graph (JPA's way): 1 statement.</li>
 *   <li>{@link #subselect}: the first touched collection loads all of them with the users query as a
 *       subquery, SQLAlchemy's {@code subqueryload}: 2 statements whatever the number of users.</li>
 *   <li>{@link #batch}: the first touched collection loads those of up to {@code batchSize} users at
 *       once by key, SQLAlchemy's {@code selectinload}: 1 + ceil(N / batchSize) statements.</li>
 * </ul>
 */
public final class OrmLoaders {
    private static final String USERS = "from UserEntity order by id";

    private OrmLoaders() {}

    public static List<UserWithOrders> lazy(Session s) {
        return graph(s.createSelectionQuery(USERS, UserEntity.class).getResultList());
    }

    public static List<UserWithOrders> joinFetch(Session s) {
        // Hibernate 6+ returns each user once, without DISTINCT; @OrderBy sorts each user's orders by id.
        return graph(s.createSelectionQuery("from UserEntity u left join fetch u.orders order by u.id", UserEntity.class).getResultList());
    }

    public static List<UserWithOrders> entityGraph(Session s) {
        @SuppressWarnings("unchecked")
        EntityGraph<UserEntity> withOrders = (EntityGraph<UserEntity>) s.getEntityGraph(UserEntity.WITH_ORDERS);
        return graph(s.createSelectionQuery(USERS, UserEntity.class).setEntityGraph(withOrders, GraphSemantic.LOAD).getResultList());
    }

    public static List<UserWithOrders> subselect(Session s) {
        boolean before = s.isSubselectFetchingEnabled();
        s.setSubselectFetchingEnabled(true);
        try {
            return lazy(s);
        } finally {
            s.setSubselectFetchingEnabled(before);
        }
    }

    public static List<UserWithOrders> batch(Session s, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
        int before = s.getFetchBatchSize();
        s.setFetchBatchSize(batchSize);
        try {
            return lazy(s);
        } finally {
            s.setFetchBatchSize(before);
        }
    }

    /** How many statements {@link #batch} issues for {@code users} users, all with orders or not. */
    public static int batchStatements(int users, int batchSize) {
        return 1 + (users + batchSize - 1) / batchSize;
    }

    private static List<UserWithOrders> graph(List<UserEntity> users) {
        return users.stream().map(UserEntity::toGraph).toList();
    }
}
