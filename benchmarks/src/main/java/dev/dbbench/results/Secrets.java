package dev.dbbench.results;

import java.util.List;
import java.util.Objects;

/**
 * Values that must never reach the console or a results file (the PostgreSQL password). Every
 * text the run writes passes through {@link #redact(String)}, so a secret that found its way into
 * JMH's records anyway (e.g. a {@code -Ddbbench.pg.password} on the launcher's own command line,
 * which JMH copies into the forks' recorded JVM arguments) is masked.
 *
 * <p>Only where it stands as the value of a password setting ({@code password=v},
 * {@code -Ddbbench.pg.password=v}, {@code DBBENCH_PG_PASSWORD=v}, {@code --pg-password v}): a
 * password that is an ordinary word ("bench") would otherwise be masked inside benchmark names
 * and corrupt the results. The password reaches nothing else: forks get it through a profiler hook
 * that JMH does not record.
 */
public final class Secrets {
    public static final String MASK = "****";

    /** A password setting's name and separator, as group 1: what stands before the value. */
    private static final String SETTING = "(?i)((?:password|pg[._-]password)[\"']?\\s*[=:]\\s*[\"']?|--pg-password\\s+)";

    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    /** The given values; null and empty ones are ignored (an empty password has nothing to hide). */
    public static Secrets of(String... values) {
        return new Secrets(java.util.Arrays.stream(values).filter(Objects::nonNull).filter(v -> !v.isEmpty()).distinct().toList());
    }

    public static Secrets none() {
        return new Secrets(List.of());
    }

    /** These secrets and one more (ignored when null or empty). */
    public Secrets and(String value) {
        List<String> more = new java.util.ArrayList<>(values);
        if (value != null && !value.isEmpty() && !more.contains(value)) {
            more.add(value);
        }
        return new Secrets(List.copyOf(more));
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String v : values) {
            out = java.util.regex.Pattern.compile(SETTING + java.util.regex.Pattern.quote(v))
                    .matcher(out).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + MASK));
        }
        return out;
    }
}
