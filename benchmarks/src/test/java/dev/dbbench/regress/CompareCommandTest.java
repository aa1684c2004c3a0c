package dev.dbbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input exits 3 with one line, before any fork starts; the advisory comparison of stored JSON. */
class CompareCommandTest {
    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {}

    private Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CompareCommand.execute(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Result run(String... args) {
        return run(Map.of(), args);
    }

    private static void assertBadInput(Result r, String expected) {
        assertEquals(CompareCommand.BAD_INPUT, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    private Path json(String name, String benchmark, double score, String unit) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, """
                [{"jmhVersion":"1.37","benchmark":"%s","mode":"avgt","threads":1,"forks":1,
                  "warmupIterations":1,"warmupTime":"1 s","measurementIterations":3,"measurementTime":"1 s",
                  "params":{"rows":"1000"},
                  "primaryMetric":{"score":%s,"scoreError":0.5,"scoreUnit":"%s","rawData":[[%s,%s,%s]]},
                  "secondaryMetrics":{}}]
                """.formatted(benchmark, score, unit, score, score, score));
        return file;
    }

    /** Both jars' forks get the same command but for the jar, with the launcher's default gc profiler turned off. */
    @Test
    void forkCommandsDifferOnlyInTheJar() {
        ForkSettings settings = new ForkSettings(Path.of("/jdk/bin/java"), List.of("-Xmx1g"), 3, 5, "1s", "500ms");
        List<String> a = settings.command(Path.of("/a/benchmarks.jar"), List.of("x.Y.z"), Path.of("/out/jmh.json"));
        List<String> b = settings.command(Path.of("/b/benchmarks.jar"), List.of("x.Y.z"), Path.of("/out/jmh.json"));
        assertEquals(List.of("/jdk/bin/java", "-Xmx1g", "-Ddbbench.gcProfiler=false", "-jar", "/a/benchmarks.jar", "^x\\.Y\\.z$",
                "-f", "1", "-wi", "3", "-i", "5", "-w", "1s", "-r", "500ms", "-rf", "json", "-rff", "/out/jmh.json"), a);
        assertEquals(a.stream().map(s -> s.replace("/a/", "/b/")).toList(), b);
    }

    @Test
    void neitherModeIsBadInput() {
        assertBadInput(run(), "give either --base JAR --head JAR (interleaved check) or --baseline JSON --current JSON");
    }

    @Test
    void bothModesAreBadInput() throws Exception {
        Path a = json("a.json", "x.Y.z", 10, "ms/op");
        assertBadInput(run("--base", "a.jar", "--head", "b.jar", "--baseline", a.toString(), "--current", a.toString()), "not both");
    }

    @Test
    void anUnknownOptionIsBadInput() {
        Result r = run("--bse", "a.jar");
        assertEquals(CompareCommand.BAD_INPUT, r.exit(), r.err());
    }

    @Test
    void aMissingJarIsBadInput() {
        assertBadInput(run("--base", dir.resolve("nope.jar").toString(), "--head", dir.resolve("nope.jar").toString()),
                "does not exist or is not a file");
    }

    @Test
    void aJarThatIsNotADbbenchJarIsBadInput() throws Exception {
        Path other = TestJars.jar(dir, "other.jar", Map.of("hello.txt", "hi"));
        // The manifest of TestJars names the test class path; an empty Class-Path makes it a plain jar.
        Path plain = dir.resolve("plain.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(plain))) {
            out.putNextEntry(new java.util.jar.JarEntry("hello.txt"));
            out.write("hi".getBytes(StandardCharsets.UTF_8));
        }
        assertBadInput(run("--base", plain.toString(), "--head", other.toString()), "is not a dbbench jar");
        Path text = dir.resolve("text.jar");
        Files.writeString(text, "not a zip");
        assertBadInput(run("--base", text.toString(), "--head", other.toString()), "--base");
    }

    @Test
    void tooFewPairsIsBadInput() throws Exception {
        Path jar = TestJars.withWork(dir, "a.jar", 100);
        assertBadInput(run("--base", jar.toString(), "--head", jar.toString(), "--pairs", "3"), "--pairs 3 is too few: give at least 5");
    }

    @Test
    void aSelectionMatchingNothingIsBadInput() throws Exception {
        Path jar = TestJars.withWork(dir, "a.jar", 100);
        assertBadInput(run("--base", jar.toString(), "--head", jar.toString(), "NoSuchBenchmark"), "matches no benchmark in either jar");
    }

    @Test
    void differentBenchmarkSetsAreBadInput() throws Exception {
        String list = TestJars.benchmarkList();
        String extra = list.lines().filter(l -> l.contains("WorkBenchmark")).findFirst().orElseThrow()
                .replace("S 4 work", "S 5 work2");
        Path base = TestJars.withWork(dir, "base.jar", 100);
        Path head = TestJars.jar(dir, "head.jar", Map.of(DbbenchJar.BENCHMARK_LIST, list + extra + "\n"));
        assertBadInput(run("--base", base.toString(), "--head", head.toString(), "WorkBenchmark"),
                "different benchmark sets for the selection [WorkBenchmark]; only in --head: [dev.dbbench.regress.ruler.WorkBenchmark.work2]");
    }

    @Test
    void differentJmhSettingsAreBadInput() throws Exception {
        String list = TestJars.benchmarkList();
        // Two threads instead of one: a fork of each jar would measure different work.
        String changed = list.lines().map(l -> l.contains("WorkBenchmark") ? l.replaceFirst("AverageTime E A", "AverageTime I 1 2 A") : l)
                .reduce("", (a, b) -> a + b + "\n");
        Path base = TestJars.withWork(dir, "base.jar", 100);
        Path head = TestJars.jar(dir, "head.jar", Map.of(DbbenchJar.BENCHMARK_LIST, changed));
        assertBadInput(run("--base", base.toString(), "--head", head.toString(), "WorkBenchmark"),
                "the jars run dev.dbbench.regress.ruler.WorkBenchmark.work [avgt] with different JMH settings");
    }

    @Test
    void iterationAnnotationsMayDifferBecauseTheCheckSetsThem() throws Exception {
        String list = TestJars.benchmarkList();
        // Fewer warm-up iterations of 500 ms: the check's forks run with its own -wi -i -w -r -f anyway.
        String changed = list.lines().map(l -> l.contains("WorkBenchmark") ? l.replaceFirst("E I 1 3 T 3 1 s", "E I 1 2 T 6 500 ms") : l)
                .reduce("", (a, b) -> a + b + "\n");
        assertTrue(changed.contains("I 1 2 T 6 500 ms"), "the test must really change the annotation: " + changed);
        Path base = TestJars.withWork(dir, "base.jar", 100);
        Path head = TestJars.jar(dir, "head.jar", Map.of(DbbenchJar.BENCHMARK_LIST, changed));
        assertEquals(java.util.Set.of("dev.dbbench.regress.ruler.WorkBenchmark.work"),
                DbbenchJar.open(base, "--base").sameSelection(DbbenchJar.open(head, "--head"), List.of("WorkBenchmark")));
    }

    @Test
    void aBadTimeIsBadInputBeforeAnyFork() throws Exception {
        Path jar = TestJars.withWork(dir, "a.jar", 100);
        assertBadInput(run("--base", jar.toString(), "--head", jar.toString(), "--time", "soon"), "--time \"soon\" is not a JMH time");
    }

    @Test
    void advisoryComparisonIsLabelledAndExitsZero() throws Exception {
        Path baseline = json("old.json", "x.Insert.batch", 10, "ms/op");
        Path current = json("new.json", "x.Insert.batch", 12, "ms/op");
        Path summary = dir.resolve("summary.md");
        Path report = dir.resolve("out/advisory.json");
        Result r = run(Map.of("GITHUB_STEP_SUMMARY", summary.toString()),
                "--baseline", baseline.toString(), "--current", current.toString(), "--json", report.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("ADVISORY") && r.out().contains("+20.0% slower") && r.out().contains("possibly slower (advisory)"), r.out());
        assertTrue(r.err().contains("ADVISORY"), r.err());
        assertTrue(Files.readString(summary).contains("ADVISORY"));
        assertTrue(Files.readString(report).contains("\"kind\" : \"advisory\""), Files.readString(report));
    }

    @Test
    void advisoryConvertsUnitsAndDirection() throws Exception {
        // 100 ops/ms before, 0.0125 ms/op = 80 ops/ms now: 25% slower.
        Path baseline = json("old.json", "x.Insert.batch", 100, "ops/ms");
        Path current = dir.resolve("new.json");
        Files.writeString(current, Files.readString(json("tmp.json", "x.Insert.batch", 80, "ops/ms")));
        AdvisoryComparison.Report report = AdvisoryComparison.compare(baseline, current, 0.05);
        assertEquals(1.25, report.benchmarks().get(0).slowdown(), 1e-9);
    }

    @Test
    void malformedJsonIsBadInput() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "[{\"benchmark\": ");
        Path good = json("good.json", "x.Y.z", 1, "ms/op");
        assertBadInput(run("--baseline", broken.toString(), "--current", good.toString()), "is not readable JSON");
        Path object = dir.resolve("object.json");
        Files.writeString(object, "{\"benchmark\": \"x\"}");
        assertBadInput(run("--baseline", object.toString(), "--current", good.toString()), "expected a JSON array of benchmark results");
        Path noRaw = dir.resolve("noraw.json");
        Files.writeString(noRaw, Files.readString(good).replaceAll(",\"rawData\":\\[\\[[^]]*\\]\\]", ""));
        assertBadInput(run("--baseline", noRaw.toString(), "--current", good.toString()), "has no raw data");
        assertBadInput(run("--baseline", dir.resolve("missing.json").toString(), "--current", good.toString()), "does not exist");
    }

    @Test
    void resultsWithNothingInCommonAreBadInput() throws Exception {
        Path a = json("a.json", "x.A.a", 1, "ms/op");
        Path b = json("b.json", "x.B.b", 1, "ms/op");
        assertBadInput(run("--baseline", a.toString(), "--current", b.toString()), "have no benchmark case in common");
    }

    @Test
    void theRulerRegistryNamesRealBenchmarks() {
        BadInputException e = assertThrows(BadInputException.class, () -> DbbenchJar.open(dir.resolve("x.jar"), "--head"));
        assertTrue(e.getMessage().startsWith("--head "), e.getMessage());
        assertEquals(List.of("dev.dbbench.regress.ruler.CpuRulerBenchmark.loop", "dev.dbbench.regress.ruler.SelectOneRulerBenchmark.selectOne"),
                DbbenchJar.RULERS);
    }

    private static java.util.Set<String> compareTempDirs() throws java.io.IOException {
        try (java.util.stream.Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("dbbench-compare-")).collect(java.util.stream.Collectors.toSet());
        }
    }

    /** Bad input found before the first fork leaves no temporary work folder behind, and an output path that cannot be written is such input. */
    @Test
    void badInputLeavesNoWorkFolder() throws Exception {
        Path jar = TestJars.withWork(dir, "a.jar", 100);
        java.util.Set<String> before = compareTempDirs();
        assertBadInput(run("--base", jar.toString(), "--head", jar.toString(), "--pairs", "1"), "--pairs 1 is too few");
        assertBadInput(run("--base", jar.toString(), "--head", jar.toString(), "--alpha", "2"), "--alpha 2.0 must be between 0 and 0.5");
        assertBadInput(run("--base", jar.toString(), "--head", jar.toString(), "NoSuchBenchmarkAnywhere"), "matches no benchmark in either jar");
        assertBadInput(run("--base", jar.toString(), "--head", jar.toString(), "Work("), "is not a regular expression");
        assertBadInput(run("--base", jar.toString(), "--head", jar.toString(), "--json", "/proc/x/c.json"), "--json /proc/x/c.json cannot be written");
        assertBadInput(run("--base", jar.toString(), "--head", jar.toString(), "--markdown", "/proc/x/c.md"), "--markdown /proc/x/c.md cannot be written");
        java.util.Set<String> left = new java.util.HashSet<>(compareTempDirs());
        left.removeAll(before);
        assertEquals(java.util.Set.of(), left, "temporary work folders left behind");
    }
}
