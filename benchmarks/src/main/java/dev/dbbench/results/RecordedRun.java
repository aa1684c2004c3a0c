package dev.dbbench.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A run as its folder records it, read by {@link RunFolder#read(Path)}: JMH's results, the
 * combinations that failed, and the environment flattened to dotted keys without secrets.
 */
public record RecordedRun(Path dir, List<BenchmarkResult> results, List<Failure> failures,
                          Map<String, String> environment) {
    public RecordedRun {
        results = List.copyOf(results);
        failures = List.copyOf(failures);
        environment = Ordered.copyOf(environment);
    }

    /** The folder's name, e.g. {@code 2026-11-25T013500Z}. */
    public String name() {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }
}
