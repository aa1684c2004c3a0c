package dev.dbbench.report;

import dev.dbbench.results.RunFolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the rendered index.html in headless Chromium, offline, and checks the DOM it built: every
 * question, group table, chart, claim and failure is there. Skipped only on a developer machine without
 * Chromium; where the environment variable CI is set, a missing Chromium fails the test.
 */
class HtmlInChromiumTest {
    @TempDir
    Path temp;

    @Test
    void everyQuestionIsRenderedByABrowser() throws Exception {
        Optional<Path> chromium = chromium();
        if (chromium.isEmpty()) {
            if (System.getenv("CI") != null) {
                fail("CI is set but no chromium or chromium-browser is on the PATH: install Debian's chromium package");
            }
            Assumptions.abort("no chromium on the PATH (the test runs wherever CI is set)");
        }
        Path run = Fixtures.copyRun("run-a", temp);
        Report report = Report.of(RunFolder.read(run), Fixtures.catalog());
        Path index = Reports.render(run, Fixtures.catalog());

        String dom = dumpDom(chromium.get(), index);

        List<String> sections = all(dom, "<section class=\"question\" id=\"q\\d+\" data-class=\"([^\"]+)\">");
        assertEquals(report.questions().stream().map(q -> q.question().className()).toList(), sections);
        for (QuestionReport q : report.questions()) {
            assertTrue(dom.contains(">" + HtmlPage.esc(q.question().text()) + "</h2>") || dom.contains(
                    ". " + HtmlPage.esc(q.question().text()) + "</h2>"), "question heading: " + q.question().text());
        }
        int groups = report.questions().stream().mapToInt(q -> q.groups().size()).sum();
        assertEquals(groups, all(dom, "<table class=\"results\">()").size(), "one table per group");
        assertEquals(groups, all(dom, "<img class=\"chart\" alt=\"chart: [^\"]*\" src=\"(data:image/png;base64,)").size(),
                "one embedded chart per group");
        assertEquals(report.claims().size(), all(dom, "<tr class=\"claim\" data-verdict=\"([a-z-]+)\">").size());
        assertTrue(dom.contains("<span class=\"verdict holds-only-when\">holds only when rows=100000</span>"));
        assertEquals(2, all(dom, "<tr class=\"failure\">()").size());
    }

    private static String dumpDom(Path chromium, Path index) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("dbbench-chromium");
        try {
            List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--dump-dom", index.toUri().toString()));
            Path stdout = profile.resolve("dom.html");
            Path stderr = profile.resolve("stderr.txt");
            Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("chromium did not finish within 120 s; its stderr: " + Files.readString(stderr));
            }
            String dom = Files.readString(stdout, StandardCharsets.UTF_8);
            assertTrue(dom.contains("</html>"), "chromium printed no DOM (exit " + p.exitValue() + "): "
                    + Files.readString(stderr));
            return dom;
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Optional<Path> chromium() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
