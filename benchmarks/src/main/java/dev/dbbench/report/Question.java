package dev.dbbench.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The question one benchmark class answers, from its metadata file
 * {@code META-INF/dbbench/questions/<class>.properties}, or made up from the class name when it has none.
 *
 * @param variantParam the {@code @Param} whose values are the variants; empty when the methods are
 * @param baseline the variant speed-ups are computed against; empty means the slowest of each group
 * @param declared whether the text came from a metadata file
 */
public record Question(String className, String text, Optional<String> variantParam, Optional<String> baseline,
                       List<Claim> claims, boolean declared) {

    public Question {
        claims = List.copyOf(claims);
    }

    /**
     * A class without metadata still gets a section. Its baseline is the slowest variant of each group,
     * so every speed-up reads as "this much faster than the worst choice", never below 1: an arbitrary
     * pick (say, the first method alphabetically) would give ratios whose meaning depends on naming.
     */
    static Question undeclared(String className) {
        return new Question(className, titleFrom(className), Optional.empty(), Optional.empty(), List.of(), false);
    }

    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** {@code dev.dbbench.bench.sqlite.journal.SqliteWalConcurrencyBenchmark} becomes "Sqlite wal concurrency (journal)". */
    static String titleFrom(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1).replaceFirst("Benchmark$", "");
        if (simple.isEmpty()) {
            simple = className.substring(className.lastIndexOf('.') + 1);
        }
        String words = simple.replaceAll("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ").toLowerCase(Locale.ROOT);
        String title = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        int lastDot = className.lastIndexOf('.');
        if (lastDot > 0) {
            String pkg = className.substring(0, lastDot);
            title += " (" + pkg.substring(pkg.lastIndexOf('.') + 1) + ")";
        }
        return title;
    }
}
