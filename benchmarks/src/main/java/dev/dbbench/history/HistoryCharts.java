package dev.dbbench.history;

import dev.dbbench.history.HistoryAnalysis.Point;
import dev.dbbench.history.HistoryAnalysis.QuestionTrend;
import dev.dbbench.history.HistoryAnalysis.Segment;
import dev.dbbench.history.HistoryAnalysis.Step;
import dev.dbbench.history.HistoryAnalysis.VariantTrend;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One PNG per question: each variant's score against the runs in commit order, with JMH's error
 * (the half-width of its 99.9% interval) as whiskers. A new environment starts a new series (its points are not joined to the earlier ones)
 * behind a vertical line; a step E-Divisive found is marked with a vertical line and its commit.
 */
final class HistoryCharts {
    /** Past this range a linear axis flattens the fast variants to nothing, as in the run report. */
    static final double LOG_SCALE_RANGE = 20;
    static final int WIDTH = 1200;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private HistoryCharts() {}

    static byte[] trend(QuestionTrend trend, List<HistoryEntry> runs) {
        double max = trend.variants().stream().flatMap(v -> v.segments().stream()).flatMap(s -> s.points().stream())
                .mapToDouble(Point::score).filter(d -> d > 0).max().orElse(1);
        double min = trend.variants().stream().flatMap(v -> v.segments().stream()).flatMap(s -> s.points().stream())
                .mapToDouble(Point::score).filter(d -> d > 0).min().orElse(1);
        boolean log = max / min > LOG_SCALE_RANGE;
        VariantTrend any = trend.variants().get(0);
        // Room for the legend at the right: one line per variant.
        int height = Math.max(560, 160 + 22 * trend.variants().size());
        XYChart chart = new XYChartBuilder().width(WIDTH).height(height)
                .title(trend.question().length() > 110 ? trend.question().substring(0, 107) + "..." : trend.question())
                .xAxisTitle("run, oldest first (commit; * = built with uncommitted changes)")
                .yAxisTitle(any.unit() + (any.higherIsBetter() ? " (higher is better)" : " (lower is better)") + (log ? ", log scale" : ""))
                .build();
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        styler.setYAxisLogarithmic(log);
        styler.setErrorBarsColor(Color.DARK_GRAY);
        styler.setXAxisMin(trend.runs().get(0) - 0.5);
        styler.setXAxisMax(trend.runs().get(trend.runs().size() - 1) + 0.5);
        styler.setAnnotationLineColor(new Color(0x8A8F99));
        // Labels on whole runs only. XChart keeps the smallest "nice" tick step whose spacing reaches the hint, so a
        // hint near one run's width gives a step of 1 (2, 5... when runs are many), and it drops every label when two
        // are alike: a tick between runs gets a distinct run of zero-width spaces, which shows nothing.
        int longest = trend.variants().stream().mapToInt(v -> v.variant().length()).max().orElse(10);
        double plotWidth = WIDTH - 150 - (60 + 7 * longest);
        int range = trend.runs().get(trend.runs().size() - 1) - trend.runs().get(0) + 1;
        styler.setXAxisTickMarkSpacingHint(Math.max(95, (int) (plotWidth / range * 0.9)));
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            long i = Math.round(x);
            if (Math.abs(x - i) < 1e-9 && i >= 0 && i < runs.size()) {
                return "#" + (i + 1) + " " + runs.get((int) i).commitLabel();
            }
            return "\u200B".repeat(1 + (int) Math.abs(Math.round((x + 1) * 10)));
        });
        Color[] palette = styler.getSeriesColors();
        for (int n = 0; n < trend.variants().size(); n++) {
            VariantTrend v = trend.variants().get(n);
            // One colour per variant in every environment; its later segments are separate series (never joined
            // across an environment change) without legend entries of their own.
            Color color = palette[n % palette.length];
            for (Segment s : v.segments()) {
                double[] x = s.points().stream().mapToDouble(Point::run).toArray();
                double[] y = s.points().stream().mapToDouble(Point::score).toArray();
                String name = s.number() == 1 ? v.variant() : v.variant() + " (environment " + s.number() + ")";
                // An XY chart draws whiskers in data units, on a log axis too; there a whisker reaching zero or
                // below cannot be drawn, so it stops just above zero (the upper end stays exact).
                double[] e = s.points().stream()
                        .mapToDouble(p -> !Double.isFinite(p.error()) ? 0 : log ? Math.min(p.error(), 0.99 * p.score()) : p.error())
                        .toArray();
                XYSeries series = chart.addSeries(name, x, y, e);
                series.setMarker(SeriesMarkers.CIRCLE);
                series.setLineColor(color);
                series.setMarkerColor(color);
                series.setShowInLegend(s.number() == v.segments().get(0).number());
                for (Step step : s.steps()) {
                    chart.addAnnotation(new AnnotationLine(step.run() - 0.5, true, false));
                    chart.addAnnotation(new AnnotationText("step " + runs.get(step.run()).commitLabel(), step.run() - 0.5, max, false));
                }
            }
        }
        for (int i = 1; i < trend.segmentStarts().size(); i++) {
            double at = trend.segmentStarts().get(i) - 0.5;
            chart.addAnnotation(new AnnotationLine(at, true, false));
            chart.addAnnotation(new AnnotationText("environment " + (i + 1), at, log ? min : max, false));
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart \"" + chart.getTitle() + "\" as PNG", e);
        }
    }
}
