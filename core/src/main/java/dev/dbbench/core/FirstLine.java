package dev.dbbench.core;

/**
 * The first line of a message, for the one-line errors a person reads: a driver's or a JVM's message
 * may run over many lines (a server's DETAIL and HINT, a stack of causes), and only its first says
 * what happened. The one helper for this, so every command cuts messages the same way.
 */
public final class FirstLine {
    private FirstLine() {}

    /** The first line of {@code text}, trimmed; empty for null. */
    public static String of(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").trim();
    }

    /** The first line of the exception's message, trimmed; its simple class name when it has none. */
    public static String of(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : of(t.getMessage());
    }
}
