package dev.dbbench.core.paging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Keyset ("seek") paging: {@code WHERE key > last ORDER BY key LIMIT n}. The key's index starts
 * every page at its first row, so a page costs the same at any depth and a walk grows linearly.
 * Rows inserted or deleted behind the position do not shift the next page.
 */
public final class KeysetPager<T> implements Pager<T> {
    /** The key every page of a walk starts after: below every key. */
    public static final long BEFORE_FIRST = Long.MIN_VALUE;

    private final PagedQuery query;
    private final int pageSize;
    private final RowMapper<T> mapper;
    private final String sql;

    public KeysetPager(PagedQuery query, int pageSize, RowMapper<T> mapper) {
        this.query = Objects.requireNonNull(query, "query");
        this.pageSize = Pagers.checkPageSize(pageSize);
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.sql = query.keysetSql();
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    /**
     * The page of rows whose key is greater than {@code afterKey}. Its {@link Page#offset()} is
     * {@code offset} as the caller counts it: a keyset read does not know how many rows lie before.
     */
    public Page<T> pageAfter(Connection c, long afterKey, long offset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return read(ps, afterKey, offset);
        }
    }

    @Override
    public Page<T> first(Connection c) throws SQLException {
        return pageAfter(c, BEFORE_FIRST, 0);
    }

    @Override
    public Page<T> next(Connection c, Page<T> previous) throws SQLException {
        return pageAfter(c, previous.lastKey(), previous.nextOffset());
    }

    @Override
    public long walk(Connection c, Consumer<? super Page<T>> consumer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Page<T> page = read(ps, BEFORE_FIRST, 0);
            consumer.accept(page);
            while (!page.last()) {
                page = read(ps, page.lastKey(), page.nextOffset());
                consumer.accept(page);
            }
            return page.nextOffset();
        }
    }

    private Page<T> read(PreparedStatement ps, long afterKey, long offset) throws SQLException {
        ps.setLong(1, afterKey);
        ps.setInt(2, pageSize);
        List<T> rows = new ArrayList<>(pageSize);
        long lastKey = afterKey;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(mapper.map(rs));
                lastKey = rs.getLong(query.keyColumn());
            }
        }
        return new Page<>(rows, offset, lastKey, rows.size() < pageSize);
    }
}
