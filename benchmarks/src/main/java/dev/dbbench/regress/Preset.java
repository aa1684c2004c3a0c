package dev.dbbench.regress;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A ready selection for {@code compare --preset NAME}: which benchmarks, with which parameters pinned
 * and which iteration settings, and how the sequential check looks at them. The settings of a preset
 * are part of what a fork measures, so base and head always get the same ones.
 *
 * <p>{@code ci} was chosen by data (docs/compare-trials.md, "Choosing the ci preset"): one benchmark
 * per subject of the suite on each database where a small size exists, each an operation of about
 * 1-50 ms at the pinned sizes (many iterations fit in a second, and the fork's JIT settles within
 * the first), with set-up that does not dominate the fork. Sizes are pinned small because a check
 * answers "did it get slower", not "how fast is it at 100,000 rows".
 */
public record Preset(String name, List<String> benchmarks, SortedMap<String, String> params, int warmupIterations,
                     String warmupTime, int iterations, String time, SequentialRule.Plan plan, Duration budget) {
    public Preset {
        benchmarks = List.copyOf(benchmarks);
        params = new TreeMap<>(params);
    }

    /** The benchmark into which a trial's head jar injects a known slowdown ({@code CompareTrials}). */
    public static final String INJECTION_TARGET = "dev.dbbench.bench.postgres.orm.PgUserOrdersLoadBenchmark.inBatch";

    public static final Preset CI = new Preset("ci", List.of(
            // bulk insert: COPY on PostgreSQL, a batch in one transaction on SQLite
            "dev.dbbench.bench.postgres.insert.PgInsertBenchmark.copy",
            "dev.dbbench.bench.sqlite.insert.SqliteInsertBenchmark.batchOneTransaction",
            // N+1 versus JOIN loading
            INJECTION_TARGET,
            "dev.dbbench.bench.sqlite.orm.SqliteUserOrdersLoadBenchmark.join",
            // keyset pages: a walk over every row by key, in pages of 1,000
            "dev.dbbench.bench.postgres.paging.PgPagingWalkBenchmark.keyset",
            "dev.dbbench.bench.sqlite.paging.SqlitePagingWalkBenchmark.keyset",
            // pool borrow (HikariCP, the pool of the guide's advice)
            "dev.dbbench.bench.pooling.perrequest.PgConnectionPerRequestBenchmark.request",
            // upsert
            "dev.dbbench.bench.postgres.upsert.PgUpsertBenchmark.doUpdate",
            // indexed lookup: by primary key
            "dev.dbbench.bench.sqlite.kv.SqliteKvBenchmark.get",
            // streaming: a cursor fetching 1,000 rows a round trip (the guide's chunk) over the class's fixed
            // 1,000,000 rows, about 0.7 s a shot; its bytes per row are the same in every fork (allocation max/min
            // 1.000 over three candidate forks), so allocation decides at the first look, and its time, a shot of
            // a million rows, scattered 5% within the quietest candidate fork
            "dev.dbbench.bench.postgres.streaming.PgStreamingBenchmark.streamFetch1000"),
            new TreeMap<>(Map.of(
                    // insert 5,000 rows (PostgreSQL's small size; SQLite's 1,000 is too short for a stable shot),
                    // and walk 5,000 rows: "rows" is both classes' parameter, so one value serves both
                    "rows", "5000",
                    "op", "BORROW",
                    "pool", "HIKARI",
                    "conflictPercent", "50",
                    "payloadChars", "100")),
            1, "200ms", 8, "150ms",
            new SequentialRule.Plan(8, 2, 4, 8),
            Duration.ofMinutes(15));

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
