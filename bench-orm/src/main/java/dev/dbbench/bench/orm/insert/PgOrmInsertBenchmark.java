package dev.dbbench.bench.orm.insert;

import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;
import dev.dbbench.bench.orm.OrmDatabase;
import dev.dbbench.bench.orm.StatementCounter;
import dev.dbbench.core.orm.jpa.OrmInserts;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * How should I insert 1,000 or 5,000 users with their orders into PostgreSQL through Hibernate:
 * IDENTITY or SEQUENCE ids, JDBC batching on or off, a stateless session; and what does each cost
 * against a JDBC batch? (See {@link OrmInsert}.)
 *
 * <p>Expected: {@code persistIdentity} and {@code persistSequencedUnbatched} slowest, one round trip
 * per row (10,000 at 5,000 users); sequence ids with batches of 50 ({@code persistSequenced},
 * {@code statelessSequenced}) an order of magnitude faster, one round trip per 50 rows plus a
 * sequence call per 50 ids; the stateless session somewhat faster still (no persistence context,
 * no dirty checking at flush); the JDBC batch of 1,000 fastest, though its orders each look their
 * user up by email.
 */
@OnDatabase(Dialect.POSTGRES)
public class PgOrmInsertBenchmark extends OrmInsert {
    @Override
    protected OrmDatabase database() throws SQLException {
        return OrmDatabase.postgres("PgOrmInsertBenchmark");
    }

    /** Sequence ids, Hibernate's JDBC batches of 50 (users, then orders). */
    @Benchmark
    public int persistSequenced(StatementCounter counter) {
        db.orm().useSession(s -> OrmInserts.persistSequenced(s, users, ORDERS_PER_USER));
        return count(counter);
    }

    /** Sequence ids with batching turned off for the session: the batching alone, ids held equal. */
    @Benchmark
    public int persistSequencedUnbatched(StatementCounter counter) {
        db.orm().useSession(s -> {
            s.setJdbcBatchSize(0);
            OrmInserts.persistSequenced(s, users, ORDERS_PER_USER);
        });
        return count(counter);
    }

    /** A stateless session's {@code insertMultiple}, sequence ids, batches of 50. */
    @Benchmark
    public int statelessSequenced(StatementCounter counter) {
        db.orm().inStatelessSession(s -> {
            OrmInserts.insertStateless(s, users, ORDERS_PER_USER);
            return null;
        });
        return count(counter);
    }
}
