package dev.dbbench.core.sqlite;

import java.util.List;

/** Strings that break SQL built by concatenation, and strings that stress text storage. */
public final class HostileStrings {
    private HostileStrings() {}

    public static final String HUNDRED_K = "x'\"; --".repeat(100_000 / 7) + "end";

    public static final List<String> ALL = List.of(
            "O'Brien",
            "\"double\" and `back` quotes",
            "'; DROP TABLE users; --",
            "Robert'); DROP TABLE users;--",
            "'); DELETE FROM kv; --",
            "? ?, ?) :name $1 @p",
            "back\\slash \\n %s %d",
            "unicode Zoë Ñandú 日本語 עברית العربية",
            "emoji 😀👍🏽 family 👨‍👩‍👧 flag 🇫🇷",
            "control \u0001\u0002\u0007\b\t\n\u000b\f\r\u001b\u001f\u007f end",
            "   leading and trailing spaces   ",
            "",
            HUNDRED_K);
}
