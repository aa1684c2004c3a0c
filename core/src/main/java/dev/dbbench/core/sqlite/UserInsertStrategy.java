package dev.dbbench.core.sqlite;

/**
 * Ways to insert many users, from the guide's naive one to its bulk one. All are insert-or-ignore
 * and leave the same table; they differ in how many statements and commits they spend.
 */
public enum UserInsertStrategy {
    /** One INSERT per row in auto-commit mode: a commit (and, with synchronous=FULL, an fsync) per row. */
    PER_ROW_COMMIT,
    /** One INSERT per row, all in one transaction: one commit, but one statement execution per row. */
    PER_ROW_ONE_TRANSACTION,
    /** The guide's {@code executemany} in one transaction: one JDBC batch, one commit. */
    BATCH_ONE_TRANSACTION,
    /**
     * Multi-row {@code INSERT ... VALUES (?, ?), (?, ?), ...} in one transaction, as many rows per
     * statement as SQLite's bind-parameter limit allows (see {@link SqliteUsers#maxRowsPerStatement()}).
     */
    MULTI_ROW_VALUES
}
