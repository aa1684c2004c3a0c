package dev.dbbench.core.postgres;

import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.Transactions;
import dev.dbbench.core.provision.PgEndpoint;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;

/**
 * The bulk insert strategies of {@link ProductInsertStrategy}, on a connection the caller owns.
 * Each one-transaction strategy commits its own transaction (or rolls it back on failure) and
 * leaves the connection's auto-commit mode as it found it; {@link #perRowCommit} needs auto-commit
 * on, so that each row is its own transaction, as the guide's naive loop is.
 *
 * <p>Products are bound as parameters or streamed through COPY with PostgreSQL's escaping; no SQL
 * is built from values. The SQL text of {@link #multiRowValues} is built only from the page size.
 */
public final class ProductBulkInsert {
    /** psycopg2's execute_values page size, which the guide passes explicitly. */
    public static final int DEFAULT_PAGE_SIZE = 1_000;

    private static final int PARAMETERS_PER_ROW = 4;

    /** Most rows one multi-row VALUES statement may carry under the wire protocol's parameter limit. */
    public static final int MAX_PAGE_SIZE = Dialect.POSTGRES.maxParameters() / PARAMETERS_PER_ROW;

    static final String INSERT_ROW = """
            INSERT INTO products (name, price, tags, metadata)
            VALUES (?, ?, ?, ?::jsonb)
            ON CONFLICT (name) DO NOTHING""";

    static final String COPY = "COPY products (name, price, tags, metadata) FROM STDIN (FORMAT text)";

    // Tags travel as one array literal per row ('{"a","b"}'), cast back per row: a text[][] would
    // have to be rectangular, and unnest of a two-dimensional array flattens it.
    static final String INSERT_UNNEST = """
            INSERT INTO products (name, price, tags, metadata)
            SELECT u.name, u.price, u.tags::text[], u.metadata::jsonb
            FROM unnest(?::text[], ?::numeric[], ?::text[], ?::text[]) AS u(name, price, tags, metadata)
            ON CONFLICT (name) DO NOTHING""";

    private ProductBulkInsert() {}

    /**
     * The same endpoint with pgjdbc's {@code reWriteBatchedInserts=true}, which
     * {@link ProductInsertStrategy#JDBC_BATCH_REWRITTEN} needs: the driver then sends a batch of
     * single-row INSERTs as multi-row INSERTs (and reports each row's count as SUCCESS_NO_INFO, -2).
     */
    public static PgEndpoint rewritingBatches(PgEndpoint endpoint) {
        return endpoint.withParameter("reWriteBatchedInserts", "true");
    }

    /** Whether pgjdbc rewrites batched INSERTs on {@code c}. */
    public static boolean rewritesBatches(Connection c) throws SQLException {
        return c.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled();
    }

    /**
     * Inserts {@code products} with {@code strategy}. Fails before inserting anything when the
     * connection does not fit the strategy (auto-commit off for per-row commits, no batch rewriting
     * for the rewritten batch, or rewriting on for the plain batch, which would not be plain).
     */
    public static void insert(Connection c, List<? extends NewProduct> products, ProductInsertStrategy strategy) throws SQLException {
        Objects.requireNonNull(strategy, "strategy");
        switch (strategy) {
            case PER_ROW_COMMIT -> perRowCommit(c, products);
            case PER_ROW_ONE_TRANSACTION -> perRowOneTransaction(c, products);
            case JDBC_BATCH -> {
                requireRewriting(c, false, strategy);
                jdbcBatch(c, products);
            }
            case JDBC_BATCH_REWRITTEN -> {
                requireRewriting(c, true, strategy);
                jdbcBatch(c, products);
            }
            case MULTI_ROW_VALUES -> multiRowValues(c, products, DEFAULT_PAGE_SIZE);
            case COPY -> copy(c, products);
            case UNNEST -> unnest(c, products);
            default -> throw new IllegalArgumentException("unknown strategy " + strategy);
        }
    }

    /** One INSERT per row, each committed on its own; returns how many rows were inserted. */
    public static int perRowCommit(Connection c, List<? extends NewProduct> products) throws SQLException {
        if (!c.getAutoCommit()) {
            throw new IllegalStateException("[products] per-row commit needs a connection in auto-commit mode, so that every INSERT"
                    + " commits; this one has auto-commit off (inside a transaction?). Use a fresh connection from Database.open()");
        }
        return insertRows(c, products);
    }

    /** One INSERT per row, all in one transaction; returns how many rows were inserted. */
    public static int perRowOneTransaction(Connection c, List<? extends NewProduct> products) throws SQLException {
        return Transactions.run(c, tx -> insertRows(tx, products));
    }

    /**
     * One JDBC batch of single-row INSERTs in one transaction; returns the driver's update counts:
     * 1 or 0 per row, or {@link java.sql.Statement#SUCCESS_NO_INFO} for every row when the
     * connection rewrites batches.
     */
    public static int[] jdbcBatch(Connection c, List<? extends NewProduct> products) throws SQLException {
        return Transactions.run(c, tx -> {
            try (PreparedStatement ps = tx.prepareStatement(INSERT_ROW)) {
                for (NewProduct p : products) {
                    Products.bind(tx, ps, 1, p);
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
    }

    /**
     * Multi-row {@code INSERT ... VALUES (...), ... ON CONFLICT (name) DO NOTHING} of
     * {@code pageSize} rows per statement (the last page shorter), all in one transaction, as
     * psycopg2's execute_values does; returns how many rows were inserted.
     */
    public static int multiRowValues(Connection c, List<? extends NewProduct> products, int pageSize) throws SQLException {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize " + pageSize + " is out of range: between 1 and " + MAX_PAGE_SIZE
                    + " rows (PostgreSQL takes at most " + Dialect.POSTGRES.maxParameters() + " parameters per statement, "
                    + PARAMETERS_PER_ROW + " per product)");
        }
        return Transactions.run(c, tx -> {
            int inserted = 0;
            int fullPages = products.size() / pageSize;
            if (fullPages > 0) {
                try (PreparedStatement ps = tx.prepareStatement(valuesStatement(pageSize))) {
                    for (int page = 0; page < fullPages; page++) {
                        inserted += insertPage(tx, ps, products.subList(page * pageSize, (page + 1) * pageSize));
                    }
                }
            }
            List<? extends NewProduct> rest = products.subList(fullPages * pageSize, products.size());
            if (!rest.isEmpty()) {
                try (PreparedStatement ps = tx.prepareStatement(valuesStatement(rest.size()))) {
                    inserted += insertPage(tx, ps, rest);
                }
            }
            return inserted;
        });
    }

    /**
     * {@code COPY products FROM STDIN} in text format, rows produced lazily from {@code products}
     * as the driver sends them, in one transaction; returns how many rows were copied. A name that
     * exists fails the whole COPY (23505).
     */
    public static long copy(Connection c, Iterable<? extends NewProduct> products) throws SQLException {
        Objects.requireNonNull(products, "products");
        return Transactions.run(c, tx -> {
            ProductCopyReader rows = new ProductCopyReader(products.iterator(), Products.JSON);
            try {
                return tx.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, rows);
            } catch (IOException e) {
                throw new DatabaseException("[products] COPY stopped after " + rows.rows() + " rows: " + e.getMessage(), null, e);
            }
        });
    }

    /**
     * One {@code INSERT ... SELECT FROM unnest(...)} with one array parameter per column, in one
     * transaction; returns how many rows were inserted.
     */
    public static int unnest(Connection c, List<? extends NewProduct> products) throws SQLException {
        int n = products.size();
        String[] names = new String[n];
        BigDecimal[] prices = new BigDecimal[n];
        String[] tags = new String[n];
        String[] metadata = new String[n];
        for (int i = 0; i < n; i++) {
            NewProduct p = products.get(i);
            names[i] = p.name();
            prices[i] = p.price();
            tags[i] = PgText.arrayLiteral(p.tags());
            metadata[i] = Products.json(p);
        }
        return Transactions.run(c, tx -> {
            try (PreparedStatement ps = tx.prepareStatement(INSERT_UNNEST)) {
                ps.setArray(1, tx.createArrayOf("text", names));
                ps.setArray(2, tx.createArrayOf("numeric", prices));
                ps.setArray(3, tx.createArrayOf("text", tags));
                ps.setArray(4, tx.createArrayOf("text", metadata));
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Upserts {@code products} as one multi-row INSERT per page of {@link #DEFAULT_PAGE_SIZE}, in
     * one transaction; returns the rows inserted or updated ({@link ConflictAction#UPDATE}) or only
     * inserted ({@link ConflictAction#NOTHING}). With UPDATE, names must be unique within the call:
     * PostgreSQL refuses to update one row twice in a statement (21000).
     */
    public static int upsert(Connection c, List<? extends NewProduct> products, ConflictAction action) throws SQLException {
        Objects.requireNonNull(action, "action");
        String onConflict = switch (action) {
            case UPDATE -> " ON CONFLICT (name) DO UPDATE SET price = EXCLUDED.price, tags = EXCLUDED.tags, metadata = EXCLUDED.metadata";
            case NOTHING -> " ON CONFLICT (name) DO NOTHING";
        };
        return Transactions.run(c, tx -> {
            int affected = 0;
            for (int from = 0; from < products.size(); from += DEFAULT_PAGE_SIZE) {
                List<? extends NewProduct> page = products.subList(from, Math.min(products.size(), from + DEFAULT_PAGE_SIZE));
                try (PreparedStatement ps = tx.prepareStatement(valuesInsert(page.size()) + onConflict)) {
                    affected += insertPage(tx, ps, page);
                }
            }
            return affected;
        });
    }

    private static int insertRows(Connection c, List<? extends NewProduct> products) throws SQLException {
        int inserted = 0;
        try (PreparedStatement ps = c.prepareStatement(INSERT_ROW)) {
            for (NewProduct p : products) {
                Products.bind(c, ps, 1, p);
                inserted += ps.executeUpdate();
            }
        }
        return inserted;
    }

    private static int insertPage(Connection c, PreparedStatement ps, List<? extends NewProduct> page) throws SQLException {
        int parameter = 1;
        for (NewProduct p : page) {
            Products.bind(c, ps, parameter, p);
            parameter += PARAMETERS_PER_ROW;
        }
        return ps.executeUpdate();
    }

    private static String valuesStatement(int rows) {
        return valuesInsert(rows) + " ON CONFLICT (name) DO NOTHING";
    }

    private static String valuesInsert(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO products (name, price, tags, metadata) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?::jsonb)");
        }
        return sql.toString();
    }

    private static void requireRewriting(Connection c, boolean wanted, ProductInsertStrategy strategy) throws SQLException {
        if (rewritesBatches(c) != wanted) {
            throw new IllegalArgumentException("[products] " + strategy + " needs a connection with reWriteBatchedInserts="
                    + wanted + ", this one has " + !wanted + ". Connect through "
                    + (wanted ? "ProductBulkInsert.rewritingBatches(endpoint)" : "an endpoint without reWriteBatchedInserts"));
        }
    }
}
