package dev.dbbench.report;

import dev.dbbench.results.Metric;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * Bar charts as PNG (XChart): one bar per variant, fastest first, with JMH's error bars. The y axis
 * turns logarithmic when the bars span more than {@value #LOG_SCALE_RANGE} times, so that a 100x
 * speed-up does not flatten every other bar to nothing.
 */
final class Charts {
    static {
        // In memory, not a temporary file: ImageIO's file cache registers a shutdown hook, which fails
        // when the report of an interrupted run (Ctrl-C) is rendered while the JVM shuts down.
        javax.imageio.ImageIO.setUseCache(false);
    }

    static final double LOG_SCALE_RANGE = 20;
    private static final int MAX_WIDTH = 1400;
    private static final Color[] SERIES = {new Color(0x4C78A8), new Color(0xF58518)};

    static {
        // Rendering to a PNG needs no display; without this a server with no X11 fails.
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /** One bar chart of a group. */
    static byte[] group(Question question, Group group) {
        List<String> names = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (Row row : group.rows()) {
            // A variant that failed has only the time it took to fail: a bar would read as a speed.
            if (Double.isNaN(row.metric().score()) || row.failure().isPresent()) {
                continue;
            }
            names.add(row.variant().equals(group.baseline()) ? row.variant() + " (baseline)" : row.variant());
            scores.add(row.metric().score());
            errors.add(row.metric().error());
        }
        CategoryChart chart = chart(question.text(), group, names);
        boolean log = logScale(scores);
        markLog(chart, log);
        addSeries(chart, group.unit(), names, scores, errors, log);
        chart.getStyler().setLegendVisible(false);
        return png(chart);
    }

    /** Two runs side by side: per variant, a bar for each run. */
    static byte[] comparison(Question question, Group group, String nameA, List<String> variants,
                             List<Metric> a, String nameB, List<Metric> b) {
        CategoryChart chart = chart(question.text(), group, variants);
        List<Double> scoresA = a.stream().map(Metric::score).toList();
        List<Double> scoresB = b.stream().map(Metric::score).toList();
        boolean log = logScale(Stream.concat(scoresA.stream(), scoresB.stream()).toList());
        markLog(chart, log);
        addSeries(chart, nameA, variants, scoresA, a.stream().map(Metric::error).toList(), log);
        addSeries(chart, nameB, variants, scoresB, b.stream().map(Metric::error).toList(), log);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        return png(chart);
    }

    private static CategoryChart chart(String question, Group group, List<String> labels) {
        String title = group.conditions().isEmpty() ? question : question + " (" + group.label() + ")";
        // Room for each variant's name under its bar; past the widest chart the names are slanted instead.
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        int wanted = 160 + labels.size() * Math.max(110, 9 * longest);
        CategoryChart chart = new CategoryChartBuilder()
                .width(Math.max(640, Math.min(MAX_WIDTH, wanted))).height(480)
                .title(shorten(title, 110))
                .xAxisTitle("variant (fastest first)")
                .yAxisTitle(group.unit() + (group.higherIsBetter() ? " (higher is better)" : " (lower is better)"))
                .build();
        CategoryStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setSeriesColors(SERIES);
        styler.setErrorBarsColor(Color.BLACK);
        // Values inside the bars: above them they would collide with the error bars.
        styler.setLabelsVisible(true);
        styler.setLabelsPosition(0.5);
        styler.setLabelsFontColorAutomaticEnabled(true);
        styler.setXAxisLabelRotation(wanted > MAX_WIDTH ? 30 : 0);
        return chart;
    }

    private static void markLog(CategoryChart chart, boolean log) {
        if (log) {
            chart.setYAxisTitle(chart.getYAxisTitle() + ", log scale");
        }
    }

    static boolean logScale(List<Double> scores) {
        double max = scores.stream().filter(Charts::positive).mapToDouble(Double::doubleValue).max().orElse(1);
        double min = scores.stream().filter(Charts::positive).mapToDouble(Double::doubleValue).min().orElse(1);
        return max / min > LOG_SCALE_RANGE;
    }

    private static void addSeries(CategoryChart chart, String name, List<String> variants, List<Double> scores,
                                  List<Double> errors, boolean log) {
        double min = scores.stream().filter(Charts::positive).mapToDouble(Double::doubleValue).min().orElse(1);
        List<Double> bars = new ArrayList<>();
        List<Double> whiskers = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            double score = scores.get(i);
            double error = Double.isNaN(errors.get(i)) ? 0 : errors.get(i);
            // A log axis cannot show zero or below: keep the bar and shorten its whisker to stay positive.
            bars.add(positive(score) || !log ? score : min);
            whiskers.add(log ? logWhisker(score, error) : error);
        }
        chart.getStyler().setYAxisLogarithmic(log);
        if (log) {
            // XChart starts bars at zero unless told otherwise, which a log axis cannot draw: start at the
            // decade below the lowest whisker (lowered further if another series already went lower).
            // XChart also leaves whiskers running off the top of a log axis: end at the decade above.
            double lowest = Double.MAX_VALUE;
            double highest = 0;
            for (int i = 0; i < bars.size(); i++) {
                lowest = Math.min(lowest, bars.get(i) / whiskers.get(i));
                highest = Math.max(highest, bars.get(i) * whiskers.get(i));
            }
            double floor = Math.pow(10, Math.floor(Math.log10(lowest)));
            double ceiling = Math.pow(10, Math.ceil(Math.log10(highest)));
            Double axisMin = chart.getStyler().getYAxisMin();
            Double axisMax = chart.getStyler().getYAxisMax();
            chart.getStyler().setYAxisMin(axisMin == null ? floor : Math.min(axisMin, floor));
            chart.getStyler().setYAxisMax(axisMax == null ? ceiling : Math.max(axisMax, ceiling));
        }
        String pattern = pattern(min);
        String current = chart.getStyler().getYAxisDecimalPattern();
        // With two series (a comparison) the one with the smaller bars needs the more decimals.
        if (current == null || current.length() < pattern.length()) {
            chart.getStyler().setYAxisDecimalPattern(pattern);
        }
        chart.addSeries(name, variants, bars, whiskers);
    }

    /**
     * XChart 3.8.8 draws a whisker on a log axis as {@code log10(w)} decades on either side of the bar,
     * so passing JMH's error as is would turn a 2% error on a score of 400 into a whole decade. This
     * returns {@code w = (score + error) / score}: the whisker's top is then exactly score + error, and
     * its bottom the mirror image in log space, which is all a log axis can show when the error exceeds
     * the score.
     */
    static double logWhisker(double score, double error) {
        if (!positive(score) || !(error > 0)) {
            return 1; // log10(1) = 0: no whisker
        }
        return (score + error) / score;
    }

    /** Plain numbers with three significant digits for the smallest bar, instead of "5E3". */
    static String pattern(double smallest) {
        int decimals = positive(smallest) ? Math.max(0, 2 - (int) Math.floor(Math.log10(smallest))) : 2;
        return decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals);
    }

    private static boolean positive(Double d) {
        return d != null && d > 0 && !d.isNaN() && !d.isInfinite();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private static byte[] png(CategoryChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart \"" + chart.getTitle() + "\" as PNG", e);
        }
    }
}
