package dev.dbbench.suite;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.database.OnDatabase;
import java.util.List;

/**
 * Which benchmark classes need the PostgreSQL server the launcher provisions: those that say so with
 * {@link OnDatabase}{@code (Dialect.POSTGRES)}, the same annotation from which their setup makes
 * their database, so the launcher and the benchmark cannot disagree. The class is loaded without
 * being initialised, so finding out starts nothing. A class without the annotation, or one this
 * jar does not hold, needs no server.
 */
public final class DatabaseNeeds {
    private DatabaseNeeds() {}

    public static boolean needsPostgres(String className) {
        return DatabaseTarget.needsPostgres(className);
    }

    public static boolean anyNeedsPostgres(List<String> classNames) {
        return classNames.stream().anyMatch(DatabaseNeeds::needsPostgres);
    }
}
