package dev.dbbench.bench.postgres.paging;

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
 * {@link PagingWalk} on PostgreSQL: how should I walk every row of a large PostgreSQL table in
 * pages of 1,000, by OFFSET or by key? The table is filled with generate_series and VACUUM
 * ANALYZEd. Each page's statement is prepared once per walk, so pgjdbc switches to a server-side
 * prepared statement after a few pages.
 *
 * <p>Expected: keyset linear in {@code rows}: the primary key's index starts every page at its
 * first row. Offset quadratic: page {@code p} makes the server fetch and throw away
 * {@code p * 1,000} rows, each a visit to the table through the index, so a walk over 1,000,000 rows
 * discards some 500 million; several times slower than keyset at 100,000 rows and around a hundred
 * times at 1,000,000. One walk is one operation (single shot): the offset walk over 1,000,000 rows
 * takes a minute or more on a small machine, which is the point of the question. A cold first walk
 * was 18% slower than later ones (699 ms, then 590 and 584 at 100,000 rows, 2026-11-25), hence the
 * warm-up shot for every variant.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(2)
@State(Scope.Thread)
@OnDatabase(Dialect.POSTGRES)
public class PgPagingWalkBenchmark extends PagingWalk {}
