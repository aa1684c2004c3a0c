package dev.dbbench.report;

import dev.dbbench.results.Ordered;

import java.util.Locale;
import java.util.Map;

/**
 * A claim a benchmark class can check: {@code variant} is at least {@code factor} times faster than
 * {@code baseline}, in the parameter groups matching {@code where} (all when empty), judged on the
 * primary score or, when {@code metric} is not empty, on that secondary metric (e.g. the readers'
 * throughput of a JMH group whose score adds readers and writer together).
 *
 * <p>A claim with {@code statements} (not NaN) is of another kind: {@code variant} sends exactly that
 * many SQL statements per operation ("a single query"), judged on the counter {@code metric}
 * ({@value #STATEMENTS_METRIC} unless named) in every measured iteration; it has no baseline.
 *
 * <p>Every claim names where it comes from ({@link Source}): the guide (then {@code section} is the
 * guide's section and {@code quote} its own words), another project (then {@code section} names it),
 * or the suite itself. {@code reading} says how the suite turned words into a factor ("dramatically"
 * read as 10x); empty when the source states the factor itself.
 */
public record Claim(int number, String text, String baseline, String variant, double factor,
                    Map<String, String> where, String metric, Source source, String section, String quote,
                    String reading, double statements) {
    /** The secondary metric a statement claim reads unless it names another: the bench modules' statement counter. */
    public static final String STATEMENTS_METRIC = "statementsPerOp";

    /** Where a claim comes from; the claims table has one part per source. */
    public enum Source {
        GUIDE("What the guide says"),
        OTHER("What other sources say"),
        SUITE("What the suite checks on its own"),
        UNSTATED("Claims without a stated source");

        private final String heading;

        Source(String heading) {
            this.heading = heading;
        }

        public String heading() {
            return heading;
        }

        /** {@code guide}, {@code other}, {@code suite}, as the metadata files spell them. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Claim {
        where = Ordered.copyOf(where);
        metric = metric == null || metric.isEmpty() ? (Double.isNaN(statements) ? "" : STATEMENTS_METRIC) : metric;
        baseline = baseline == null ? "" : baseline;
        source = source == null ? Source.UNSTATED : source;
        section = section == null ? "" : section;
        quote = quote == null ? "" : quote;
        reading = reading == null ? "" : reading;
    }

    public Claim(int number, String text, String baseline, String variant, double factor, Map<String, String> where,
                 String metric, Source source, String section, String quote, String reading) {
        this(number, text, baseline, variant, factor, where, metric, source, section, quote, reading, Double.NaN);
    }

    public Claim(int number, String text, String baseline, String variant, double factor, Map<String, String> where,
                 String metric, double statements) {
        this(number, text, baseline, variant, factor, where, metric, Source.UNSTATED, "", "", "", statements);
    }

    public Claim(int number, String text, String baseline, String variant, double factor, Map<String, String> where,
                 String metric) {
        this(number, text, baseline, variant, factor, where, metric, Source.UNSTATED, "", "", "", Double.NaN);
    }

    public Claim(int number, String text, String baseline, String variant, double factor, Map<String, String> where) {
        this(number, text, baseline, variant, factor, where, "");
    }

    /** Whether this claim is about the statements per operation rather than speed. */
    public boolean countsStatements() {
        return !Double.isNaN(statements);
    }

    /** "WAL vs DELETE", with the secondary metric named when the claim is judged on one; "joinFetch (statementsPerOp)" for a statement claim. */
    public String compared() {
        if (countsStatements()) {
            return variant + " (" + metric + ")";
        }
        return variant + " vs " + baseline + (metric.isEmpty() ? "" : " (" + metric + ")");
    }

    /** "§ 6 Connection Pooling: “... dramatically improving performance.”", or the other source's name. */
    public String attribution() {
        String q = quote.isEmpty() ? "" : "\u201c" + quote + "\u201d";
        return section.isEmpty() ? q : q.isEmpty() ? section : section + ": " + q;
    }

    /**
     * What is claimed, for the claims table: "2x", "1 statement"; a factor is marked when it is the
     * suite's reading of words rather than a stated number.
     */
    public String claimedFactor() {
        if (countsStatements()) {
            return Format.number(statements) + (statements == 1 ? " statement" : " statements");
        }
        return Format.factor(factor) + (reading.isEmpty() ? "" : " (suite's reading: " + reading + ")");
    }
}
