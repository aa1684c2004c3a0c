package dev.dbbench.cli;

import java.util.List;

/**
 * Which benchmark classes need the PostgreSQL server the launcher provisions. The rule, kept
 * simple so a benchmark author can follow it: a class needs PostgreSQL when it lives in
 * {@code dev.dbbench.bench.postgres} (or below), or when its simple name contains {@code Pg} or
 * {@code Postgres} (e.g. {@code bench.pooling.PgPoolBenchmark}). Anything else runs without a
 * server being started.
 */
public final class DatabaseNeeds {
    static final String POSTGRES_PACKAGE = "dev.dbbench.bench.postgres.";

    private DatabaseNeeds() {}

    public static boolean needsPostgres(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return className.startsWith(POSTGRES_PACKAGE) || simple.contains("Pg") || simple.contains("Postgres");
    }

    static boolean anyNeedsPostgres(List<String> classNames) {
        return classNames.stream().anyMatch(DatabaseNeeds::needsPostgres);
    }
}
