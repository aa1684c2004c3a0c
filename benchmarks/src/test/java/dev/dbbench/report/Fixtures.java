package dev.dbbench.report;

import dev.dbbench.results.Metric;
import dev.dbbench.results.Sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The synthetic runs in {@code src/test/resources/runs}: hand-made JMH JSON whose numbers give known
 * answers. run-a: InsertBenchmark (avgt, ms/op; rows=1000: perRowCommit 100, oneTransaction 10,
 * multiRowValues 20; rows=100000: 10000, 500, 400; two forks of three iterations spread by 1%),
 * PoolBenchmark (thrpt, ops/s, variants by @Param pool: NONE 200, HIKARI 5000, DBCP 4000),
 * StreamBenchmark (sample mode, no metadata: fetchAll 50 us/op, streamed 25 us/op), two failures.
 * run-b: the same but oneTransaction at rows=1000 takes 8 ms, no StreamBenchmark, no failures.
 */
final class Fixtures {
    private Fixtures() {}

    /** A fresh copy of a fixture run under {@code parent}, so tests can write reports into it. */
    static Path copyRun(String name, Path parent) {
        try {
            Path source = Path.of(Fixtures.class.getResource("/runs/" + name).toURI());
            Path target = parent.resolve(name);
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(source)) {
                for (Path f : files.toList()) {
                    Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The catalog of the test class path, also knowing the fixture class that is in no run. */
    static QuestionCatalog catalog() {
        return QuestionCatalog.fromClassPath().withClasses(List.of("fixture.paging.PagingBenchmark"));
    }

    /** A metric from raw values, one list per fork. */
    static Metric metric(String unit, double[]... forks) {
        List<List<Sample>> raw = Stream.of(forks)
                .map(f -> Arrays.stream(f).mapToObj(Sample::of).toList()).toList();
        double mean = raw.stream().flatMap(List::stream).mapToDouble(Sample::total).average().orElse(Double.NaN);
        return new Metric(mean, Double.NaN, unit, raw);
    }
}
