package dev.dbbench.bench.orm.insert;

import dev.dbbench.bench.orm.StatementCounter;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

class SqliteOrmInsertBenchmarkTest extends InsertVariantsContract {
    @Override
    OrmInsert benchmark() {
        return new SqliteOrmInsertBenchmark();
    }

    @Override
    Map<String, ToIntFunction<StatementCounter>> variants(OrmInsert bench) {
        Map<String, ToIntFunction<StatementCounter>> v = new LinkedHashMap<>();
        v.put("jdbcBatch", c -> {
            try {
                return bench.jdbcBatch(c);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        v.put("persistIdentity", bench::persistIdentity);
        return v;
    }

    /** JDBC: one batch of users, one of orders; Hibernate: INSERT and select last_insert_rowid() per row. */
    @Override
    Map<String, Integer> expectedStatements() {
        return Map.of("jdbcBatch", 2, "persistIdentity", 2 * USERS * 2);
    }
}
