package dev.dbbench.core.postgres;

/**
 * Ways to insert many products, from the guide's naive one to COPY. Every strategy but
 * {@link #COPY} is {@code INSERT ... ON CONFLICT (name) DO NOTHING}, like the guide's
 * {@code execute_values}; given products with new names they all leave the same rows.
 */
public enum ProductInsertStrategy {
    /** One INSERT per row in auto-commit mode: a round trip and a commit (a WAL flush) per row. */
    PER_ROW_COMMIT,
    /** One INSERT per row in one transaction: one commit, still a round trip per row. */
    PER_ROW_ONE_TRANSACTION,
    /** One JDBC batch in one transaction: pgjdbc pipelines the executions, one statement per row. */
    JDBC_BATCH,
    /**
     * {@link #JDBC_BATCH} on a connection with {@code reWriteBatchedInserts=true}: pgjdbc rewrites
     * the batch into multi-row INSERTs (see {@link ProductBulkInsert#rewritingBatches}).
     */
    JDBC_BATCH_REWRITTEN,
    /** Multi-row {@code VALUES (...), (...)} pages of {@link ProductBulkInsert#DEFAULT_PAGE_SIZE} rows, like psycopg2's execute_values. */
    MULTI_ROW_VALUES,
    /**
     * {@code COPY FROM STDIN}, streamed. COPY has no ON CONFLICT: a name that exists fails the
     * whole COPY with 23505 and nothing of it stays.
     */
    COPY,
    /** One {@code INSERT ... SELECT FROM unnest(?::text[], ?::numeric[], ...)} with one array parameter per column. */
    UNNEST
}
