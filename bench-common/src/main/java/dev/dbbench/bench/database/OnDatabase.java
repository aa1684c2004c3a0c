package dev.dbbench.bench.database;

import dev.dbbench.core.Dialect;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The database a benchmark class runs on. Read twice, so the two cannot disagree: by
 * {@link DatabaseTarget#of(Class)}, which makes the class's fresh database, and by the launcher,
 * which starts a PostgreSQL server only when a selected class says {@code POSTGRES} (it loads the
 * class without initialising it, so nothing starts just to find out). A class without it needs no
 * database server (the stub-driver pooling benchmarks).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OnDatabase {
    Dialect value();
}
