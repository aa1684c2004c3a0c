package dev.dbbench.core;

/** The databases the suite speaks to. SQL that differs between them is chosen by dialect. */
public enum Dialect {
    SQLITE,
    POSTGRES;

    /**
     * Most bind parameters one statement may carry. SQLite's default limit is 32766 since 3.32;
     * the PostgreSQL wire protocol counts parameters in an unsigned 16-bit field.
     */
    public int maxParameters() {
        return this == SQLITE ? 32_766 : 65_535;
    }
}
