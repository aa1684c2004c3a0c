package dev.dbbench.core.index;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks identifiers that go into SQL text, where they cannot be bind parameters. */
final class Names {
    static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private Names() {}

    /** Throws unless {@code value} is a plain lower-case SQL identifier. */
    static String check(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + IDENTIFIER.pattern() + " (names come from code, not input), was \"" + value + "\"");
        }
        return value;
    }
}
