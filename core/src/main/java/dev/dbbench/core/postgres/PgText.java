package dev.dbbench.core.postgres;

import java.util.List;

/**
 * PostgreSQL's text forms that COPY and array parameters need. Hand-written because pgjdbc keeps
 * its own encoders internal; each rule below is from the PostgreSQL manual (8.15.6 "Array Input
 * and Output Syntax", COPY "Text Format").
 */
final class PgText {
    private PgText() {}

    /**
     * A {@code text[]} literal, e.g. {@code {"sale","new"}}. Every element is double-quoted, so
     * empty strings, spaces, commas, braces and the word NULL stay plain text; inside the quotes a
     * double quote or a backslash is escaped with a backslash.
     */
    static String arrayLiteral(List<String> elements) {
        StringBuilder out = new StringBuilder(2 + elements.size() * 8);
        out.append('{');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"');
            String e = elements.get(i);
            for (int j = 0; j < e.length(); j++) {
                char ch = e.charAt(j);
                if (ch == '"' || ch == '\\') {
                    out.append('\\');
                }
                out.append(ch);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }

    /**
     * Appends {@code value} as one field of COPY's text format: a backslash, the tab delimiter and
     * the line ends are written as backslash escapes, so no value can end a field, a row or the
     * data (a line holding only {@code \.}). NULL ({@code \N}) is never written: no column we copy
     * is null.
     */
    static void appendCopyField(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }
}
