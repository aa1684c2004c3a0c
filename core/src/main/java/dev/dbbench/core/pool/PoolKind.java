package dev.dbbench.core.pool;

import java.util.Locale;

/** The connection pools the suite compares, and the baseline without one. */
public enum PoolKind {
    /** No pool: every borrow opens a new physical connection and closing it closes that connection. */
    NONE,
    /** HikariCP. */
    HIKARI,
    /** Apache Commons DBCP 2 ({@code BasicDataSource} over commons-pool2). */
    DBCP2,
    /** Tomcat JDBC pool ({@code org.apache.tomcat.jdbc.pool}). */
    TOMCAT;

    /** The short name used in messages and result files: {@code hikari}, {@code dbcp2}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
