package dev.dbbench.report;

import dev.dbbench.results.RunFolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
    @TempDir
    Path temp;

    @Test
    void comparesEachVariantUnderTheSameConditions() {
        Comparison c = Comparison.of(RunFolder.read(Fixtures.copyRun("run-a", temp)),
                RunFolder.read(Fixtures.copyRun("run-b", temp)), Fixtures.catalog());
        Comparison.QuestionPair insert = c.questions().stream()
                .filter(q -> q.question().className().equals("fixture.insert.InsertBenchmark")).findFirst().orElseThrow();
        Comparison.GroupPair small = insert.groups().get(0);
        assertEquals("rows=1000", small.reference().label());
        Comparison.VariantPair oneTx = variant(small, "oneTransaction");
        assertEquals(1.25, oneTx.change().orElseThrow().ratio(), 1e-9, "10 ms in A, 8 ms in B");
        assertEquals(Comparison.Change.FASTER, oneTx.kind());
        Comparison.VariantPair perRow = variant(small, "perRowCommit");
        assertEquals(1.0, perRow.change().orElseThrow().ratio(), 1e-9);
        assertEquals(Comparison.Change.NO_CLEAR_CHANGE, perRow.kind());
        assertEquals(1, insert.failuresA().size());
        assertEquals(0, insert.failuresB().size());

        Comparison.QuestionPair stream = c.questions().stream()
                .filter(q -> q.question().className().equals("fixture.stream.StreamBenchmark")).findFirst().orElseThrow();
        assertTrue(stream.groups().get(0).inA());
        assertEquals(Comparison.Change.ONLY_IN_A, stream.groups().get(0).variants().get(0).kind());
        assertEquals(Optional.empty(), stream.groups().get(0).chartFile());
    }

    @Test
    void claimsAreShownForBothRuns() {
        Comparison c = Comparison.of(RunFolder.read(Fixtures.copyRun("run-a", temp)),
                RunFolder.read(Fixtures.copyRun("run-b", temp)), Fixtures.catalog());
        Comparison.ClaimPair async = c.claims().stream().filter(p -> p.claim().text().startsWith("Async")).findFirst()
                .orElseThrow();
        assertEquals("not measured in this run (benchmarks failed: see Failed benchmarks)", async.a().verdictText());
        assertEquals("not measured in this run", async.b().verdictText());
    }

    @Test
    void writesIntoTheNewerRunByDefault() throws IOException {
        Path a = Fixtures.copyRun("run-a", temp);
        Path b = Fixtures.copyRun("run-b", temp);
        Path index = Reports.compare(a, b, Optional.empty(), Fixtures.catalog());
        assertEquals(b.resolve("comparison-to-run-a").resolve("index.html"), index);
        String summary = Files.readString(index.resolveSibling("summary.md"));
        assertTrue(summary.startsWith("# dbbench comparison: run-b vs run-a"), summary);
        assertTrue(summary.contains("| oneTransaction | 10 ± 0.2 | 8 ± 0.16 | 1.25x |"), summary);
        assertTrue(summary.contains("| commit | abc1234 | def5678 |"), "environments side by side");
        assertTrue(Files.exists(index.resolveSibling("charts")));
        String html = Files.readString(index);
        assertTrue(html.contains("<img class=\"chart\""));
        assertTrue(html.contains("data:image/png;base64,"));
    }

    @Test
    void writesWhereToldWithOut() {
        Path out = temp.resolve("cmp");
        Path index = Reports.compare(Fixtures.copyRun("run-a", temp), Fixtures.copyRun("run-b", temp), Optional.of(out),
                Fixtures.catalog());
        assertEquals(out.resolve("index.html"), index);
        assertTrue(Files.exists(out.resolve("summary.md")));
    }

    private static Comparison.VariantPair variant(Comparison.GroupPair g, String name) {
        return g.variants().stream().filter(v -> v.variant().equals(name)).findFirst().orElseThrow();
    }
}
