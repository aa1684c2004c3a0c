package dev.dbbench.bench.orm.insert;

import dev.dbbench.bench.orm.StatementCounter;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

class PgOrmInsertBenchmarkTest extends InsertVariantsContract {
    @Override
    OrmInsert benchmark() {
        return new PgOrmInsertBenchmark();
    }

    @Override
    Map<String, ToIntFunction<StatementCounter>> variants(OrmInsert bench) {
        PgOrmInsertBenchmark pg = (PgOrmInsertBenchmark) bench;
        Map<String, ToIntFunction<StatementCounter>> v = new LinkedHashMap<>();
        v.put("jdbcBatch", c -> {
            try {
                return bench.jdbcBatch(c);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        v.put("persistIdentity", bench::persistIdentity);
        v.put("persistSequenced", pg::persistSequenced);
        v.put("persistSequencedUnbatched", pg::persistSequencedUnbatched);
        v.put("statelessSequenced", pg::statelessSequenced);
        return v;
    }

    /**
     * 230 users with one order each. JDBC: one batch of users, one of orders. IDENTITY: one INSERT per
     * row. Sequence ids: 5 batches of at most 50 per kind, plus the sequence calls for 230 ids per
     * kind, 50 a call; the factory's pooled optimizer keeps the ids left over from the variant
     * before, so the first variant makes 6 calls per kind and the later ones 5 or 4 (the counts are
     * those of this order of variants on fresh sequences).
     */
    @Override
    Map<String, Integer> expectedStatements() {
        return Map.of("jdbcBatch", 2, "persistIdentity", 2 * USERS, "persistSequenced", 10 + 12,
                "persistSequencedUnbatched", 2 * USERS + 10, "statelessSequenced", 10 + 8);
    }
}
