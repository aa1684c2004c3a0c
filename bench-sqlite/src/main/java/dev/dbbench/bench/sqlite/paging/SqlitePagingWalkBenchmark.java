package dev.dbbench.bench.sqlite.paging;

import dev.dbbench.bench.question.paging.PagingWalk;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link PagingWalk} on SQLite: how should I walk every row of a large SQLite table in pages of
 * 1,000, by OFFSET or by key? The table is filled by one statement in one transaction.
 *
 * <p>Expected: keyset linear in {@code rows} (every page starts at its first row through the
 * primary key), so about the same time per row at 100,000 and 1,000,000. Offset quadratic: page
 * {@code p} first steps over {@code p * 1,000} rows, so a walk over 1,000,000 rows steps over some
 * 500 million; several times slower than keyset at 100,000 rows and tens of times at 1,000,000.
 * SQLite steps over a skipped row without decoding its columns, so the gap is smaller than on
 * PostgreSQL. One walk is one operation (single shot): the offset walk over 1,000,000 rows takes
 * tens of seconds on a small machine, which is the point of the question. A cold first walk was
 * 30% slower than later ones (634 ms, then 507 and 481 at 100,000 rows, 2026-11-25), hence the
 * warm-up shot for every variant.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(2)
@State(Scope.Thread)
@OnDatabase(Dialect.SQLITE)
public class SqlitePagingWalkBenchmark extends PagingWalk {}
