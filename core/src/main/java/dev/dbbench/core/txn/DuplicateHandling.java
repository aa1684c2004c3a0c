package dev.dbbench.core.txn;

/** How a batch of items keeps going past items whose name is taken. All three keep the same rows. */
public enum DuplicateHandling {
    /**
     * The guide's way: a SAVEPOINT before each item and ROLLBACK TO SAVEPOINT when it fails with a
     * unique violation, so only that item is undone. Each savepoint is a subtransaction.
     */
    SAVEPOINT_PER_ITEM,
    /**
     * No savepoint. Without one, the first duplicate aborts the whole transaction (25P02 for every
     * later statement), so this variant avoids the failure instead: it reads which names are taken
     * (one {@code = ANY(?)} query, under the same transaction) and drops those and repeats within the
     * batch before inserting. A concurrent writer adding one of the names in between still makes the
     * batch fail and roll back whole.
     */
    PREFILTER,
    /** {@code INSERT ... ON CONFLICT (name) DO NOTHING} per item: the server skips duplicates, no savepoint, no pre-read. */
    ON_CONFLICT_DO_NOTHING
}
