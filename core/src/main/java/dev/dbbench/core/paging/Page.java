package dev.dbbench.core.paging;

import java.util.List;

/**
 * One page of rows and where the next one starts, both ways: by position ({@link #nextOffset()})
 * and by key ({@link #lastKey()}).
 *
 * @param rows   the rows, in key order
 * @param offset how many rows (of the query) come before this page
 * @param lastKey the key of the last row; when the page is empty, the key a keyset page was read
 *     after, or {@link KeysetPager#BEFORE_FIRST} for an offset page
 * @param last   whether no page follows: this one was shorter than the page size
 */
public record Page<T>(List<T> rows, long offset, long lastKey, boolean last) {

    public Page {
        rows = List.copyOf(rows);
    }

    /** The offset of the page after this one. */
    public long nextOffset() {
        return offset + rows.size();
    }
}
