package dev.dbbench.core.paging;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * Reads a {@link PagedQuery} a page at a time, each page its own short statement on a connection
 * in auto-commit mode: no transaction or cursor is held between pages, as in the guide's
 * "process millions of rows" loop. The two kinds visit the same rows in the same order on a table
 * nobody writes to; they differ in cost (offset re-reads every skipped row) and in what concurrent
 * writes do to them (rows inserted or deleted before the position shift an offset, not a key).
 */
public sealed interface Pager<T> permits OffsetPager, KeysetPager {

    int pageSize();

    /** The first page. */
    Page<T> first(Connection c) throws SQLException;

    /** The page after {@code previous} (empty when {@code previous} was the last). */
    Page<T> next(Connection c, Page<T> previous) throws SQLException;

    /**
     * Hands every page to {@code consumer}, in order, until one comes back shorter than the page
     * size (possibly empty, as in the guide's loop). The statement is prepared once for the walk
     * and run once per page. Returns the rows visited.
     */
    long walk(Connection c, Consumer<? super Page<T>> consumer) throws SQLException;
}
