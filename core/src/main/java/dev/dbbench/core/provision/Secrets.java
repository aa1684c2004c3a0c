package dev.dbbench.core.provision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one masking policy for values that must never reach the console or a results file (the
 * PostgreSQL password). Every text the launcher prints or writes, and every error line provisioning
 * raises, passes through {@link #redact(String)} (or {@link #mask(String)} when no value is known).
 *
 * <p>Two rules. Whatever stands after {@code password=} (a URL's {@code ?password=} or
 * {@code &password=}, {@code -Ddbbench.pg.password=}, {@code DBBENCH_PG_PASSWORD=}) is masked,
 * whether or not its value is known. A known value is also masked where it stands as the value of a
 * password setting in other spellings ({@code --pg-password v}, {@code "password": "v"}), and
 * only there: a password that is an ordinary word ("bench") would otherwise be masked inside
 * benchmark names and corrupt the results.
 */
public final class Secrets {
    public static final String MASK = "****";

    /** {@code password=} and its value (up to a separator), whatever the value is. */
    private static final Pattern ASSIGNED = Pattern.compile("(?i)(password=)([^\\s&;,\"']+)");

    /** A password setting's name and separator, as group 1: what stands before a known value. */
    private static final String SETTING = "(?i)((?:password|pg[._-]password)[\"']?\\s*[=:]\\s*[\"']?|--pg-password\\s+)";

    /** Keys of recorded settings that are never shown, whatever their value. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|credential).*");

    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    /** The given values; null and empty ones are ignored (an empty password has nothing to hide). */
    public static Secrets of(String... values) {
        return new Secrets(Arrays.stream(values).filter(Objects::nonNull).filter(v -> !v.isEmpty()).distinct().toList());
    }

    public static Secrets none() {
        return new Secrets(List.of());
    }

    /** {@code text} with every {@code password=} value masked: for texts made before any password is known (a URL as given). */
    public static String mask(String text) {
        return none().redact(text);
    }

    /** Whether a recorded setting's name says it holds a credential, so its value is never shown. */
    public static boolean isSecretName(String key) {
        return key != null && SECRET_NAME.matcher(key).matches();
    }

    /** These secrets and one more (ignored when null or empty). */
    public Secrets and(String value) {
        List<String> more = new ArrayList<>(values);
        if (value != null && !value.isEmpty() && !more.contains(value)) {
            more.add(value);
        }
        return new Secrets(List.copyOf(more));
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = ASSIGNED.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        for (String v : values) {
            out = Pattern.compile(SETTING + Pattern.quote(v))
                    .matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        }
        return out;
    }
}
