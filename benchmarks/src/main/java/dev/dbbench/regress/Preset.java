package dev.dbbench.regress;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A ready selection for {@code compare --preset NAME}: which benchmarks, with which parameters pinned
 * and which iteration settings, and how the sequential check looks at them. The settings of a preset
 * are part of what a fork measures, so base and head always get the same ones.
 *
 * <p>{@code ci} was chosen by data (docs/compare-trials.md, "Choosing the ci preset" and "The duet
 * schedule"): one benchmark per subject of the suite on each database where a small size exists,
 * each an operation of about 1-50 ms at the pinned sizes, with set-up that does not dominate the
 * fork. Sizes are pinned small because a check answers "did it get slower", not "how fast is it at
 * 100,000 rows". Allocation per operation is gated for all; time only for those whose two forks of
 * the same jar agree within a few percent ({@link #allocationOnly()} lists the others, with the reason
 * every report repeats).
 */
public record Preset(String name, List<String> benchmarks, SortedSet<String> allocationOnly, String allocationOnlyReason,
                     SortedMap<String, String> params, int warmupIterations, String warmupTime, int iterations, String time,
                     SequentialRule.Plan plan, Duration budget) {
    public Preset {
        benchmarks = List.copyOf(benchmarks);
        allocationOnly = new TreeSet<>(allocationOnly);
        params = new TreeMap<>(params);
        if (!benchmarks.containsAll(allocationOnly)) {
            throw new IllegalArgumentException("allocation-only benchmarks must be in the preset: " + allocationOnly);
        }
    }

    /** The benchmark into which a trial's head jar injects a known slowdown ({@code CompareTrials}). */
    public static final String INJECTION_TARGET = "dev.dbbench.bench.postgres.streaming.PgStreamingBenchmark.streamFetch1000";

    private static final String PG_COPY = "dev.dbbench.bench.postgres.insert.PgInsertBenchmark.copy";
    private static final String SQLITE_INSERT = "dev.dbbench.bench.sqlite.insert.SqliteInsertBenchmark.batchOneTransaction";
    private static final String PG_LOAD = "dev.dbbench.bench.postgres.orm.PgUserOrdersLoadBenchmark.inBatch";
    private static final String SQLITE_LOAD = "dev.dbbench.bench.sqlite.orm.SqliteUserOrdersLoadBenchmark.join";
    private static final String PG_KEYSET = "dev.dbbench.bench.postgres.paging.PgPagingWalkBenchmark.keyset";
    private static final String SQLITE_KEYSET = "dev.dbbench.bench.sqlite.paging.SqlitePagingWalkBenchmark.keyset";
    private static final String PG_UPSERT = "dev.dbbench.bench.postgres.upsert.PgUpsertBenchmark.doUpdate";
    private static final String SQLITE_GET = "dev.dbbench.bench.sqlite.kv.SqliteKvBenchmark.get";

    public static final Preset CI = new Preset("ci", List.of(
            // bulk insert: COPY on PostgreSQL, a batch in one transaction on SQLite
            PG_COPY,
            SQLITE_INSERT,
            // N+1 versus JOIN loading
            PG_LOAD,
            SQLITE_LOAD,
            // keyset pages: a walk over every row by key, in pages of 1,000
            PG_KEYSET,
            SQLITE_KEYSET,
            // pool borrow (HikariCP, the pool of the guide's advice)
            "dev.dbbench.bench.pooling.perrequest.PgConnectionPerRequestBenchmark.request",
            // upsert
            PG_UPSERT,
            // indexed lookup: by primary key
            SQLITE_GET,
            // streaming: a cursor fetching 1,000 rows a round trip (the guide's chunk) over the class's fixed
            // 1,000,000 rows, about 1 s a shot; the trials' injection target
            INJECTION_TARGET),
            // Time is gated where a pair of duet forks agrees within a few percent (pool borrow 3-6%, streaming 4-7%
            // standard deviation of the pair's log ratio in the first duet trials, one pair in ten further off);
            // these scattered 9-51% (COPY, whose single 60 ms shots wait on the shared disk, 9-32%), too much
            // for a 15-minute check to decide 5% (docs/compare-trials.md, "The duet schedule").
            new TreeSet<>(List.of(PG_COPY, SQLITE_INSERT, PG_LOAD, SQLITE_LOAD, PG_KEYSET, SQLITE_KEYSET, PG_UPSERT, SQLITE_GET)),
            "their time scatters 9-51% between a pair's two forks of the same jar on a 2-core machine (docs/compare-trials.md,"
                    + " \"The duet schedule\"), too much to decide a 5% change within the budget; their allocation per operation is gated",
            new TreeMap<>(Map.of(
                    // insert 5,000 rows (PostgreSQL's small size; SQLite's 1,000 is too short for a stable shot),
                    // and walk 5,000 rows: "rows" is both classes' parameter, so one value serves both
                    "rows", "5000",
                    "op", "BORROW",
                    "pool", "HIKARI",
                    "conflictPercent", "50",
                    "payloadChars", "100")),
            // 3 s of warm-up: at 200 ms the ORM loads were still falling 90 -> 10 ms/op through the measurement
            3, "1s", 10, "300ms",
            // A full pair of forks takes about 100 s in a duet; once the allocation-only benchmarks are decided at
            // the first look, about 50 s: looks at 5, 7, 9 and 11 pairs fit 15 minutes.
            new SequentialRule.Plan(5, 2, 4, 5),
            Duration.ofMinutes(15));

    /** Whether this benchmark's time is gated, or only its allocation per operation. */
    public boolean gatesTime(String benchmark) {
        return !allocationOnly.contains(benchmark);
    }

    public static final List<Preset> ALL = List.of(CI);

    public static Preset named(String name) {
        for (Preset p : ALL) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new BadInputException("--preset \"" + name + "\" is not a preset: give one of "
                + ALL.stream().map(Preset::name).toList() + ", or name benchmarks instead");
    }

    /** The JMH options that pin the parameters: {@code -p rows=5000 ...}. */
    public List<String> paramArgs() {
        return params.entrySet().stream().flatMap(e -> java.util.stream.Stream.of("-p", e.getKey() + "=" + e.getValue())).toList();
    }

    /** The selection as anchored regular expressions: exactly these methods, never a longer name that starts the same. */
    public List<String> selection() {
        return benchmarks.stream().map(b -> "^" + b.replace(".", "\\.") + "$").toList();
    }

    /**
     * Parses a budget as given on the command line: {@code 15m}, {@code 900s}, {@code 1h}, {@code 90m}.
     * At least one minute: less cannot run the first look's pairs.
     */
    public static Duration parseBudget(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})(s|m|h)").matcher(t);
        if (!m.matches()) {
            throw new BadInputException("--budget \"" + text + "\" is not a duration: give a whole number of seconds, minutes or hours,"
                    + " e.g. 15m, 900s or 1h");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(Duration.ofHours(24)) > 0) {
            throw new BadInputException("--budget " + text + " is outside 1m to 24h: give e.g. 15m");
        }
        return d;
    }
}
