package dev.dbbench.core.orm.jpa;

import dev.dbbench.core.orm.User;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;
import org.hibernate.StatelessSession;

/**
 * Reading every user through Hibernate, three ways (the guide's "process millions of rows without
 * loading all into memory"), each handing the users to {@code consumer} in id order as the JDBC
 * {@code UserRepository} reads them:
 *
 * <ul>
 *   <li>{@link #resultList}: {@code getResultList()}, the naive way: every entity in one list and in
 *       the session's persistence context until the session ends.</li>
 *   <li>{@link #scroll}: a forward-only scroll with a fetch size, the session cleared every
 *       {@code clearEvery} rows, so the persistence context stays small.</li>
 *   <li>{@link #statelessStream}: {@code getResultStream()} on a stateless session: no
 *       persistence context at all.</li>
 * </ul>
 * Run them inside {@link Orm#inSession} / {@link Orm#inStatelessSession}: on PostgreSQL the
 * driver streams with a fetch size only inside a transaction, which those scopes begin.
 */
public final class OrmStreams {
    private static final String USERS = "from UserEntity order by id";

    private OrmStreams() {}

    public static long resultList(Session s, Consumer<User> consumer) {
        List<UserEntity> all = s.createSelectionQuery(USERS, UserEntity.class).getResultList();
        all.forEach(u -> consumer.accept(u.toRecord()));
        return all.size();
    }

    public static long scroll(Session s, int fetchSize, int clearEvery, Consumer<User> consumer) {
        long rows = 0;
        try (ScrollableResults<UserEntity> results = s.createSelectionQuery(USERS, UserEntity.class)
                .setFetchSize(fetchSize).scroll(ScrollMode.FORWARD_ONLY)) {
            while (results.next()) {
                consumer.accept(results.get().toRecord());
                if (++rows % clearEvery == 0) {
                    s.clear();
                }
            }
        }
        return rows;
    }

    public static long statelessStream(StatelessSession s, int fetchSize, Consumer<User> consumer) {
        long[] rows = {0};
        try (Stream<UserEntity> users = s.createSelectionQuery(USERS, UserEntity.class).setFetchSize(fetchSize).getResultStream()) {
            users.forEach(u -> {
                consumer.accept(u.toRecord());
                rows[0]++;
            });
        }
        return rows[0];
    }
}
