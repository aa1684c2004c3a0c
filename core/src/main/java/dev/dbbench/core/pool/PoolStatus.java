package dev.dbbench.core.pool;

/**
 * A snapshot of a pool, as the pool itself counts. Without a pool, {@code active} is the number of
 * connections handed out and not yet closed, {@code total} the same, {@code idle} always 0, and
 * {@code waiting} the threads held back by the {@code maximumSize} limit.
 *
 * @param total   physical connections the pool holds (idle and in use)
 * @param idle    connections ready to be borrowed
 * @param active  connections borrowed and not yet returned
 * @param waiting threads blocked in a borrow
 */
public record PoolStatus(int total, int idle, int active, int waiting) {

    /** {@code total=4, active=4, idle=0, waiting=3}: the form used in messages. */
    @Override
    public String toString() {
        return "total=" + total + ", active=" + active + ", idle=" + idle + ", waiting=" + waiting;
    }
}
