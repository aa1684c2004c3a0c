package dev.dbbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbbench.regress.CheckReport.Case;
import dev.dbbench.regress.CheckReport.Round;
import dev.dbbench.regress.PairedStatistics.Decision;
import dev.dbbench.regress.PairedStatistics.Flag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How case verdicts and rulers make the check's verdict, and how a fork's median is read. */
class VerdictTest {
    @TempDir
    Path dir;

    private static Case c(Verdict v) {
        Round r = new Round(List.of(), new Decision(1, 1, 1, 0.05, 1, Flag.NONE));
        return new Case(BenchmarkKey.of("a.B.c", "avgt", Map.of()), "ms/op", false, r, null, v, "");
    }

    @Test
    void aRegressionWinsOverEverythingElse() {
        assertEquals(Verdict.REGRESSION, RegressionCheck.overall(List.of(c(Verdict.NO_CHANGE), c(Verdict.REGRESSION), c(Verdict.UNSTABLE)), true));
    }

    @Test
    void aMovedRulerMakesAnOtherwiseQuietCheckUnstable() {
        assertEquals(Verdict.UNSTABLE, RegressionCheck.overall(List.of(c(Verdict.NO_CHANGE)), true));
        assertEquals(Verdict.UNSTABLE, RegressionCheck.overall(List.of(c(Verdict.IMPROVEMENT)), true));
        assertEquals(Verdict.NO_CHANGE, RegressionCheck.overall(List.of(c(Verdict.NO_CHANGE)), false));
        assertEquals(Verdict.IMPROVEMENT, RegressionCheck.overall(List.of(c(Verdict.NO_CHANGE), c(Verdict.IMPROVEMENT)), false));
    }

    @Test
    void aBenchmarkTooNoisyToBoundMakesTheCheckInconclusiveButNoAlarm() {
        assertEquals(Verdict.INCONCLUSIVE, RegressionCheck.overall(List.of(c(Verdict.NO_CHANGE), c(Verdict.INCONCLUSIVE)), false));
        assertEquals(Verdict.INCONCLUSIVE, RegressionCheck.overall(List.of(c(Verdict.IMPROVEMENT), c(Verdict.INCONCLUSIVE)), false));
        assertEquals(Verdict.UNSTABLE, RegressionCheck.overall(List.of(c(Verdict.INCONCLUSIVE)), true));
        assertEquals(Verdict.REGRESSION, RegressionCheck.overall(List.of(c(Verdict.INCONCLUSIVE), c(Verdict.REGRESSION)), false));
    }

    @Test
    void reportsNeverHoldAPasswordGivenAsAJvmFlag() {
        ForkSettings forks = new ForkSettings(Path.of("java"), List.of("-Xmx1g", "-Ddbbench.pg.password=s3cret"), 1, 1, "1s", "1s");
        assertEquals(List.of("-Xmx1g", "-Ddbbench.pg.password=****"), forks.forDisplay().jvmArgs());
        assertEquals(List.of("-Xmx1g", "-Ddbbench.pg.password=s3cret"), forks.jvmArgs(), "the forks themselves still get it");
    }

    @Test
    void theForkMedianOfSampleTimeModeIsWeightedByCounts() throws Exception {
        Path file = dir.resolve("sample.json");
        Files.writeString(file, """
                [{"benchmark":"a.B.c","mode":"sample","threads":1,"params":{},
                  "primaryMetric":{"score":5,"scoreError":1,"scoreUnit":"us/op",
                    "rawDataHistogram":[[[[1.0,10],[2.0,3]],[[9.0,5]]]]}}]
                """);
        // 18 samples: ten 1.0s, three 2.0s, five 9.0s; the 9th and 10th are both 1.0.
        assertEquals(1.0, JmhResults.read(file, "test").values().iterator().next().median(), 0);
    }

    @Test
    void theForkMedianOfRawIterationsIgnoresOneDisturbedIteration() throws Exception {
        Path file = dir.resolve("avgt.json");
        Files.writeString(file, """
                [{"benchmark":"a.B.c","mode":"avgt","threads":1,"params":{"n":"5"},
                  "primaryMetric":{"score":5,"scoreError":1,"scoreUnit":"us/op","rawData":[[10.0,11.0,500.0,10.5,10.2]]}}]
                """);
        JmhResults.Measured m = JmhResults.read(file, "test").values().iterator().next();
        assertEquals(10.5, m.median(), 0);
        assertEquals("B.c [avgt] n=5", m.key().label());
    }
}
