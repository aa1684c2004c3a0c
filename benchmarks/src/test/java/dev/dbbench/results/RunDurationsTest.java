package dev.dbbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbbench.core.provision.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** durations.json: written with the run's files, read back by the next run, derived from jmh.json for older runs. */
class RunDurationsTest {
    /** The curated quick run, from before durations.json (the module's tests run in benchmarks/). */
    private static final Path CURATED_QUICK = Path.of("..", "results", "curated", "2026-11-25T063035Z-quick");

    @TempDir
    Path temp;

    @Test
    void theNextRunReadsWhatThisRunWrote() throws IOException {
        List<RunDurations.Entry> durations = List.of(new RunDurations.Entry("a.B.c", "ss", Map.of("rows", "1000"), 12.5),
                new RunDurations.Entry("a.B.d", "avgt", Map.of(), 3.25));
        RunFolder folder = RunFolder.create(temp, Instant.parse("2026-12-03T09:00:00Z"));
        com.fasterxml.jackson.databind.node.ObjectNode environment = new ObjectMapper().createObjectNode();
        environment.putObject("run").put("profile", "quick");
        List<String> notWritten = new ResultsWriter(new ObjectMapper(), Secrets.none()).write(folder, List.of(), List.of(),
                environment, durations);
        assertEquals(List.of(), notWritten);
        folder.markLatest();
        assertEquals(durations, RunDurations.previous(temp, "quick"));
        assertEquals(List.of(), RunDurations.previous(temp, "smoke"), "a quick run's seconds say nothing about a smoke run's");
    }

    @Test
    void withoutLatestTheNewestRunOfTheProfileIsUsedAndAnUnreadableFileGivesNothing() throws IOException {
        run("2026-12-01T090000Z", "quick", 4);
        run("2026-12-02T090000Z", "quick", 5);
        run("2026-12-02T100000Z", "smoke", 0.2);
        assertEquals(5.0, RunDurations.previous(temp, "quick").get(0).seconds(), "the newer smoke run is not a quick run's guide");
        assertEquals(0.2, RunDurations.previous(temp, "smoke").get(0).seconds());
        Files.writeString(temp.resolve("2026-12-02T090000Z").resolve(RunFolder.DURATIONS_JSON), "not json");
        assertEquals(List.of(), RunDurations.previous(temp, "quick"));
        assertEquals(List.of(), RunDurations.previous(temp.resolve("missing"), "quick"));
    }

    @Test
    void theJarShipsAReferenceRunForTheProfilesItRunsByDefault() {
        assertTrue(RunDurations.reference("quick").size() > 200, "the reference quick run's combinations");
        assertTrue(RunDurations.reference("smoke").size() > 200, "the reference smoke run's combinations");
        assertEquals(List.of(), RunDurations.reference("full"));
    }

    private void run(String name, String profile, double seconds) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        Files.writeString(dir.resolve(RunFolder.ENVIRONMENT_JSON), "{\"run\":{\"profile\":\"" + profile + "\"}}");
        Files.writeString(dir.resolve(RunFolder.DURATIONS_JSON),
                "{\"combinations\":[{\"benchmark\":\"a.B.c\",\"mode\":\"avgt\",\"params\":{},\"seconds\":" + seconds + "}]}");
    }

    @Test
    void aRunFromBeforeDurationsGetsThemDerivedFromItsJmhJson() throws IOException {
        List<RunDurations.Entry> derived = RunDurations.derive(CURATED_QUICK);
        assertEquals(234, derived.size());
        // The run's whole duration is shared out: nothing lost, nothing added.
        assertEquals(1607.817, derived.stream().mapToDouble(RunDurations.Entry::seconds).sum(), 0.01);
        // Three shots of the 1,000,000-row OFFSET walk on PostgreSQL, about 77 s each.
        RunDurations.Entry walk = derived.stream().filter(e -> e.benchmark().endsWith("PgPagingWalkBenchmark.offset") && e.params().get("rows").equals("1000000"))
                .findFirst().orElseThrow();
        assertEquals(233.2, walk.seconds(), 0.1);
        // The estimate's test replays exactly these figures.
        List<String> fixture = Files.readAllLines(Path.of("src", "test", "resources", "estimate", "2026-11-25T063035Z-quick.tsv")).stream()
                .filter(l -> !l.startsWith("#")).toList();
        for (int i = 0; i < derived.size(); i++) {
            String[] f = fixture.get(i).split("\t");
            assertEquals(BenchmarkNames.current(f[0]), derived.get(i).benchmark(), "read under its current name");
            assertEquals(Double.parseDouble(f[6]), derived.get(i).seconds(), 0.001, f[0]);
        }
        assertTrue(derived.stream().allMatch(e -> e.seconds() > 0));
    }
}
