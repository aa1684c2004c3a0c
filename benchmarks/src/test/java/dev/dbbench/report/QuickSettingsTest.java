package dev.dbbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The quick profile is the classes' own settings, and the report gives a verdict only from
 * {@link Replication#MINIMUM_FORKS} forks of {@link Replication#MINIMUM_ITERATIONS} iterations: every
 * question's class must meet that, or its quick report says "insufficient data" for good. And every
 * variant of a question gets the same warm-up, so no baseline is the only cold one.
 */
class QuickSettingsTest {
    /**
     * The questions' classes, in the bench modules. Not the regression check's rulers (compare runs them
     * with its own forks) nor the launcher's test benchmarks.
     */
    private static final String QUESTIONS = "dev.dbbench.bench.";

    @Test
    void everyQuestionRunsEnoughForksAndIterationsForAVerdict() throws IOException {
        List<String> tooFew = new ArrayList<>();
        for (BenchmarkListEntry e : entries()) {
            int forks = e.getForks().orElse(1);
            int iterations = e.getMeasurementIterations().orElse(0);
            if (forks < Replication.MINIMUM_FORKS || iterations < Replication.MINIMUM_ITERATIONS) {
                tooFew.add(e.getUsername() + " (" + forks + " forks x " + iterations + " iterations)");
            }
        }
        assertEquals(List.of(), tooFew);
    }

    @Test
    void everyVariantOfAQuestionHasTheSameWarmUp() throws IOException {
        Map<String, String> warmUpByClass = new TreeMap<>();
        List<String> unequal = new ArrayList<>();
        List<BenchmarkListEntry> all = entries();
        assertFalse(all.isEmpty(), "the bench modules' benchmark lists are on the test class path");
        for (BenchmarkListEntry e : all) {
            String warmUp = e.getWarmupIterations().orElse(-1) + " x " + (e.getWarmupTime().hasValue() ? e.getWarmupTime().get().toString() : "default")
                    + ", " + e.getWarmupForks().orElse(0) + " warm-up forks";
            String first = warmUpByClass.putIfAbsent(e.getUserClassQName(), warmUp);
            if (first != null && !first.equals(warmUp)) {
                unequal.add(e.getUsername() + ": " + warmUp + " where its class's other variants have " + first);
            }
            if (e.getWarmupIterations().orElse(1) == 0) {
                unequal.add(e.getUsername() + ": no warm-up");
            }
        }
        assertEquals(List.of(), unequal);
    }

    private static List<BenchmarkListEntry> entries() throws IOException {
        List<BenchmarkListEntry> out = new ArrayList<>();
        Enumeration<URL> lists = QuickSettingsTest.class.getClassLoader().getResources(BenchmarkList.BENCHMARK_LIST.substring(1));
        while (lists.hasMoreElements()) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(lists.nextElement().openStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        BenchmarkListEntry entry = new BenchmarkListEntry(line);
                        if (entry.getUserClassQName().startsWith(QUESTIONS)) {
                            out.add(entry);
                        }
                    }
                }
            }
        }
        return out;
    }
}
