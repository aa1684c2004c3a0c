package dev.dbbench.core.postgres;

import java.util.List;

/**
 * Strings that break SQL built by concatenation, COPY's text format or array literals, and
 * strings that stress text storage. No NUL: PostgreSQL text cannot hold it at all.
 */
public final class PgHostileStrings {
    private PgHostileStrings() {}

    public static final String HUNDRED_K = "x'\"\\\t\n; --{},".repeat(100_000 / 14) + "end";

    public static final List<String> ALL = List.of(
            "O'Brien",
            "\"double\" and `back` quotes",
            "'; DROP TABLE products; --",
            "Robert'); DROP TABLE products;--",
            "$$; DROP TABLE products; $$",
            "? ?, ?) :name $1 @p %s",
            "back\\slash \\n \\N \\\\ \\t",
            "\\N",
            "tab\there, newline\nthere, return\rthere",
            "line\n\\.\nafter the end-of-data marker",
            "{braces},\"commas\",NULL",
            "NULL",
            "unicode Zoë Ñandú 日本語 עברית العربية",
            "emoji 😀👍🏽 family 👨‍👩‍👧 flag 🇫🇷",
            "control \u0001\u0002\u0007\b\u000b\f\u001b\u001f\u007f end",
            "   leading and trailing spaces   ",
            "",
            HUNDRED_K);
}
