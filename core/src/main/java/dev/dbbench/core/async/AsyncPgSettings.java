package dev.dbbench.core.async;

/**
 * How {@link AsyncPg} talks to PostgreSQL.
 *
 * @param poolSize        most connections the client opens (asyncpg's {@code max_size})
 * @param pipeliningLimit most statements sent on one connection before the first answer comes
 *                        back; 1 turns pipelining off, so each connection carries one statement at
 *                        a time, as asyncpg and JDBC do
 */
public record AsyncPgSettings(int poolSize, int pipeliningLimit) {
    /** Vert.x's own default pipelining limit. */
    public static final int DEFAULT_PIPELINING_LIMIT = 256;

    public AsyncPgSettings {
        if (poolSize < 1) {
            throw new IllegalArgumentException("[vertx-pg] poolSize must be at least 1, was " + poolSize);
        }
        if (pipeliningLimit < 1) {
            throw new IllegalArgumentException("[vertx-pg] pipeliningLimit must be at least 1 (1 = no pipelining), was " + pipeliningLimit);
        }
    }

    /** The guide's pool ({@code max_size=20}) with Vert.x's default pipelining. */
    public static AsyncPgSettings guide() {
        return new AsyncPgSettings(20, DEFAULT_PIPELINING_LIMIT);
    }

    public AsyncPgSettings withPoolSize(int size) {
        return new AsyncPgSettings(size, pipeliningLimit);
    }

    public AsyncPgSettings withPipeliningLimit(int limit) {
        return new AsyncPgSettings(poolSize, limit);
    }

    /** One statement per connection at a time. */
    public AsyncPgSettings withoutPipelining() {
        return withPipeliningLimit(1);
    }

    public boolean pipelined() {
        return pipeliningLimit > 1;
    }
}
