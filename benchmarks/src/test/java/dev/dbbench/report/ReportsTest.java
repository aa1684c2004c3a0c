package dev.dbbench.report;

import dev.dbbench.results.RunFolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
    @TempDir
    Path temp;

    @Test
    void groupsByTheOtherParametersAndRanksFastestFirst() {
        Report report = Report.of(RunFolder.read(Fixtures.copyRun("run-a", temp)), Fixtures.catalog());
        QuestionReport insert = question(report, "fixture.insert.InsertBenchmark");
        assertEquals(List.of("rows=1000", "rows=100000"), insert.groups().stream().map(Group::label).toList(),
                "numeric order, not text order");
        assertEquals(List.of("oneTransaction", "multiRowValues", "perRowCommit"), variants(insert.groups().get(0)));
        assertEquals(List.of("multiRowValues", "oneTransaction", "perRowCommit"), variants(insert.groups().get(1)));
        assertEquals("perRowCommit", insert.groups().get(0).baseline());
        assertEquals(1, insert.failures().size());

        // Throughput: higher is better, so the ranking is reversed, and variants are @Param values.
        QuestionReport pool = question(report, "fixture.pool.PoolBenchmark");
        assertEquals(1, pool.groups().size());
        assertEquals("all runs", pool.groups().get(0).label());
        assertEquals(List.of("HIKARI", "DBCP", "NONE"), variants(pool.groups().get(0)));
        assertEquals(20.0, pool.groups().get(0).row("DBCP").orElseThrow().speedUp().ratio(), 1e-9);
    }

    @Test
    void withoutMetadataTheSlowestVariantIsTheBaseline() {
        Report report = Report.of(RunFolder.read(Fixtures.copyRun("run-a", temp)), Fixtures.catalog());
        Group stream = question(report, "fixture.stream.StreamBenchmark").groups().get(0);
        assertEquals("fetchAll", stream.baseline());
        assertEquals(2.0, stream.row("streamed").orElseThrow().speedUp().ratio(), 1e-9);
    }

    @Test
    void questionWhoseBenchmarksAllFailedIsStillListed() {
        Report report = Report.of(RunFolder.read(Fixtures.copyRun("run-a", temp)), Fixtures.catalog());
        QuestionReport async = question(report, "fixture.async.AsyncBenchmark");
        assertTrue(async.groups().isEmpty());
        assertEquals(1, async.failures().size());
    }

    @Test
    void writesSummaryChartsAndASelfContainedPage() throws IOException {
        Path run = Fixtures.copyRun("run-a", temp);
        Path index = Reports.render(run, Fixtures.catalog());
        assertEquals(run.resolve("index.html"), index);

        String summary = Files.readString(run.resolve("summary.md"));
        assertTrue(summary.contains("## Q2. How should I insert rows into PostgreSQL?"), summary);
        assertTrue(summary.contains("### rows=1000\n"), summary);
        assertTrue(summary.contains("| Rank | Variant | Score ± error (ms/op) | Speed-up vs perRowCommit | 95% CI |"));
        assertTrue(summary.contains("| 1 | oneTransaction | 10 ± 0.2 | 10.0x | [10.0x, 10.0x] | 2 x 3 |  |"), summary);
        assertTrue(summary.contains("| 1 | HIKARI | 5000 ± 100 | 25.0x |"), summary);
        assertTrue(summary.contains("waiting (mean per iteration): 3 #"), "secondary metrics are shown, per iteration");
        assertTrue(summary.contains("p0.99: 50 us/op"), "sample mode's tail is shown");
        assertFalse(summary.contains("p0.9999"), "but not every percentile");
        assertTrue(summary.contains("| **holds only when rows=100000** |"), summary);
        assertTrue(summary.contains("## Failed benchmarks"));
        assertTrue(summary.contains("| `fixture.insert.InsertBenchmark.copy` | rows=1000 | dev.dbbench.core.DatabaseException: "
                + "COPY into items failed (57014 canceling statement due to statement timeout) |"), summary);
        assertFalse(summary.contains("do-not-show"));

        Matcher links = Pattern.compile("\\]\\(charts/([^)]+)\\)").matcher(summary);
        int charts = 0;
        while (links.find()) {
            charts++;
            BufferedImage png = ImageIO.read(run.resolve("charts").resolve(links.group(1)).toFile());
            assertNotNull(png, links.group(1) + " is a readable PNG");
            assertTrue(png.getWidth() >= 640);
        }
        assertEquals(4, charts, "one chart per question and parameter group");

        String html = Files.readString(index);
        assertFalse(Pattern.compile("(?i)(src|href)\\s*=\\s*\"(https?:|//)").matcher(html).find(), "no network fetches");
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("<link"), "CSS is inline");
        Matcher images = Pattern.compile("<img [^>]*src=\"data:image/png;base64,([^\"]+)\"").matcher(html);
        int embedded = 0;
        while (images.find()) {
            embedded++;
            assertNotNull(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.group(1)))));
        }
        assertEquals(4, embedded);

        try (Stream<Path> left = Files.walk(run)) {
            assertEquals(List.of(), left.filter(p -> p.toString().endsWith(".tmp")).toList(), "no temporary files left");
        }
    }

    @Test
    void renderingAgainReplacesTheChartsOfThePreviousRendering() throws IOException {
        Path run = Fixtures.copyRun("run-a", temp);
        Path stale = Files.createDirectories(run.resolve("charts")).resolve("q9-Gone-g1.png");
        Files.write(stale, new byte[] {1});
        Reports.render(run, Fixtures.catalog());
        assertFalse(Files.exists(stale));
        String first = Files.readString(run.resolve("summary.md"));
        Reports.render(run, Fixtures.catalog());
        assertEquals(first, Files.readString(run.resolve("summary.md")), "same JSON, same report (fixed seed)");
    }

    @Test
    void markdownCellsEscapePipesAndNewlines() {
        assertEquals("a \\| b c", SummaryMarkdown.cell("a | b\n c"));
        assertEquals("&lt;b&gt;", SummaryMarkdown.cell("<b>"));
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;", HtmlPage.esc("<a href=\"x\">&"));
    }

    @Test
    void chartsTurnLogarithmicWhenTheRangeIsWide() {
        assertTrue(Charts.logScale(List.of(200.0, 5000.0)));
        assertFalse(Charts.logScale(List.of(10.0, 100.0)));
        // XChart draws log10(whisker) decades each side of the bar: the top of 400 ± 8 must be at 408.
        assertEquals(408, 400 * Charts.logWhisker(400, 8), 1e-9);
        assertEquals(1.0, Charts.logWhisker(400, Double.NaN));
    }

    private static QuestionReport question(Report report, String className) {
        return report.questions().stream().filter(q -> q.question().className().equals(className)).findFirst()
                .orElseThrow();
    }

    private static List<String> variants(Group g) {
        return g.rows().stream().map(Row::variant).toList();
    }
}
