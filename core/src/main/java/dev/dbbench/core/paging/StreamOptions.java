package dev.dbbench.core.paging;

/**
 * How {@link RowStreams#stream} reads.
 *
 * @param fetchSize rows the driver asks the server for at a time (PostgreSQL's cursor fetch size);
 *     SQLite steps one row at a time whatever it is
 * @param chunkSize rows handed to the consumer at a time (the guide's {@code partitions(1000)})
 */
public record StreamOptions(int fetchSize, int chunkSize) {

    public StreamOptions {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be at least 1 row, was " + fetchSize + " (0 would make PostgreSQL send every row at once)");
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1 row, was " + chunkSize);
        }
    }

    /** The guide's stream_large_query: chunks of 1,000, fetched 1,000 at a time. */
    public static StreamOptions guide() {
        return new StreamOptions(1_000, 1_000);
    }

    public StreamOptions withFetchSize(int rows) {
        return new StreamOptions(rows, chunkSize);
    }

    public StreamOptions withChunkSize(int rows) {
        return new StreamOptions(fetchSize, rows);
    }
}
