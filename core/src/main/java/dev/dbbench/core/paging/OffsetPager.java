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
 * The guide's way: {@code ORDER BY key LIMIT n OFFSET k}. Page {@code p} makes the database read
 * and discard {@code p * n} rows first, so a walk over a table costs a number of row reads that
 * grows with the square of its size, and a deep page costs as much as reading up to it.
 */
public final class OffsetPager<T> implements Pager<T> {
    private final PagedQuery query;
    private final int pageSize;
    private final RowMapper<T> mapper;
    private final String sql;

    public OffsetPager(PagedQuery query, int pageSize, RowMapper<T> mapper) {
        this.query = Objects.requireNonNull(query, "query");
        this.pageSize = Pagers.checkPageSize(pageSize);
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.sql = query.offsetSql();
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    /** The page that starts {@code offset} rows into the query. */
    public Page<T> page(Connection c, long offset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return read(ps, offset);
        }
    }

    @Override
    public Page<T> first(Connection c) throws SQLException {
        return page(c, 0);
    }

    @Override
    public Page<T> next(Connection c, Page<T> previous) throws SQLException {
        return page(c, previous.nextOffset());
    }

    @Override
    public long walk(Connection c, Consumer<? super Page<T>> consumer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Page<T> page = read(ps, 0);
            consumer.accept(page);
            while (!page.last()) {
                page = read(ps, page.nextOffset());
                consumer.accept(page);
            }
            return page.nextOffset();
        }
    }

    private Page<T> read(PreparedStatement ps, long offset) throws SQLException {
        if (offset < 0) {
            throw new IllegalArgumentException("page offset must be 0 or more, was " + offset);
        }
        ps.setInt(1, pageSize);
        ps.setLong(2, offset);
        List<T> rows = new ArrayList<>(pageSize);
        long lastKey = KeysetPager.BEFORE_FIRST;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(mapper.map(rs));
                lastKey = rs.getLong(query.keyColumn());
            }
        }
        return new Page<>(rows, offset, lastKey, rows.size() < pageSize);
    }
}
