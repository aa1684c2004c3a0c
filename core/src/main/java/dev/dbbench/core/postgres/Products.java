package dev.dbbench.core.postgres;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The guide's PostgreSQL {@code products} table (section 3): schema, INSERT ... RETURNING, the
 * ON CONFLICT upsert, and the JSONB and array lookups, on a connection the caller owns (so they
 * run inside the caller's transaction, e.g. {@code db.inTransaction(c -> Products.insert(c, p))}).
 *
 * <p>Every value is bound as a parameter. {@link ProductBulkInsert} holds the bulk strategies.
 */
public final class Products {
    /**
     * The guide's table plus {@code UNIQUE} on name: the guide's own upsert says
     * {@code ON CONFLICT (name)}, which PostgreSQL refuses without a unique index or constraint on
     * exactly that column (42P10 "there is no unique or exclusion constraint matching the ON
     * CONFLICT specification"), so the guide's code fails as written.
     */
    static final String CREATE_TABLE = """
            CREATE TABLE IF NOT EXISTS products (
                id SERIAL PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                price NUMERIC(10, 2) NOT NULL,
                tags TEXT[] NOT NULL DEFAULT '{}',
                metadata JSONB NOT NULL DEFAULT '{}',
                created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
            )""";

    /**
     * GIN indexes: {@code jsonb_path_ops} is smaller and faster than the default jsonb opclass and
     * serves {@code @>}, the only JSONB operator our lookups need. Neither index can serve
     * {@code metadata->>'color' = ?} or {@code ? = ANY(tags)}: a GIN index answers operators of its
     * operator class applied to the indexed column ({@code @>}, {@code ?}, {@code &&} ...), while
     * {@code ->>} computes a new text value per row and {@code = ANY(array)} is the scalar {@code =}
     * applied per element, neither of which is in the class.
     */
    static final String CREATE_GIN_INDEXES = """
            CREATE INDEX IF NOT EXISTS products_metadata_gin ON products USING GIN (metadata jsonb_path_ops);
            CREATE INDEX IF NOT EXISTS products_tags_gin ON products USING GIN (tags)""";

    static final String INSERT_RETURNING = """
            INSERT INTO products (name, price, tags, metadata)
            VALUES (?, ?, ?, ?::jsonb)
            RETURNING id, created_at""";

    static final String UPSERT_PRICE = """
            INSERT INTO products (name, price)
            VALUES (?, ?)
            ON CONFLICT (name) DO UPDATE
            SET price = EXCLUDED.price
            RETURNING id""";

    static final String COLUMNS = "SELECT id, name, price, tags, metadata, created_at FROM products";

    static final String BY_METADATA_TEXT = COLUMNS + " WHERE metadata->>? = ? ORDER BY id";
    static final String BY_METADATA_CONTAINING = COLUMNS + " WHERE metadata @> ?::jsonb ORDER BY id";
    static final String BY_TAG_ANY = COLUMNS + " WHERE ? = ANY(tags) ORDER BY id";
    // ARRAY[?::text]: without the cast the parameter is varchar and text[] @> varchar[] has no operator.
    static final String BY_TAG_CONTAINING = COLUMNS + " WHERE tags @> ARRAY[?::text] ORDER BY id";

    private static final int JSONB_MAX_LENGTH = (1 << 28) - 1;

    /**
     * Jackson with jsonb's limits rather than its own defaults (names up to 50,000 characters):
     * a jsonb key or string may be up to 2^28 - 1 bytes, and what PostgreSQL stored must read back.
     */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNameLength(JSONB_MAX_LENGTH).maxStringLength(JSONB_MAX_LENGTH).build())
            .build());

    private Products() {}

    /** Creates the {@code products} table if it is missing. */
    public static void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(CREATE_TABLE);
        }
    }

    /** Drops the table (and its indexes). */
    public static void dropSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS products");
        }
    }

    /** Creates GIN indexes on {@code metadata} and {@code tags}, for the {@code @>} lookups. */
    public static void createGinIndexes(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(CREATE_GIN_INDEXES);
        }
    }

    /** Empties the table and restarts the id sequence, so a new load gets ids from 1 again. */
    public static void truncate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE products RESTART IDENTITY");
        }
    }

    /** The guide's INSERT ... RETURNING id, created_at. A name that exists fails with 23505. */
    public static InsertedProduct insert(Connection c, NewProduct p) throws SQLException {
        Objects.requireNonNull(p, "product");
        try (PreparedStatement ps = c.prepareStatement(INSERT_RETURNING)) {
            bind(c, ps, 1, p);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new InsertedProduct(rs.getLong(1), rs.getObject(2, OffsetDateTime.class));
            }
        }
    }

    /**
     * The guide's upsert: inserts {@code name} at {@code price}, or sets the price of the product
     * already called {@code name}; returns the product's id either way.
     */
    public static long upsertPrice(Connection c, String name, BigDecimal price) throws SQLException {
        NewProduct checked = NewProduct.of(name, price);
        try (PreparedStatement ps = c.prepareStatement(UPSERT_PRICE)) {
            ps.setString(1, checked.name());
            ps.setBigDecimal(2, checked.price());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The guide's JSONB lookup, {@code metadata->>key = value}: products whose metadata has
     * {@code key} with a value whose text is {@code value} (the string "5" and the number 5 both
     * match "5"). A GIN index cannot serve it; see {@link #findByMetadataContaining}.
     */
    public static List<Product> findByMetadataText(Connection c, String key, String value) throws SQLException {
        return query(c, BY_METADATA_TEXT, Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    /**
     * {@code metadata @> {"key": "value"}}: products whose metadata has {@code key} with exactly the
     * JSON string {@code value}. The form a GIN index serves; for string values it finds the same
     * products as {@link #findByMetadataText}.
     */
    public static List<Product> findByMetadataContaining(Connection c, String key, String value) throws SQLException {
        ObjectNode probe = JSON.createObjectNode().put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return query(c, BY_METADATA_CONTAINING, probe.toString());
    }

    /** The guide's array lookup, {@code tag = ANY(tags)}. A GIN index cannot serve it. */
    public static List<Product> findByTag(Connection c, String tag) throws SQLException {
        return query(c, BY_TAG_ANY, Objects.requireNonNull(tag, "tag"));
    }

    /** {@code tags @> ARRAY[tag]}: the same products as {@link #findByTag}, in the form a GIN index serves. */
    public static List<Product> findByTagContaining(Connection c, String tag) throws SQLException {
        return query(c, BY_TAG_CONTAINING, Objects.requireNonNull(tag, "tag"));
    }

    /** Every product in id order. */
    public static List<Product> all(Connection c) throws SQLException {
        return query(c, COLUMNS + " ORDER BY id");
    }

    public static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM products")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Binds name, price, tags and metadata of {@code p} from parameter {@code first} on. */
    static void bind(Connection c, PreparedStatement ps, int first, NewProduct p) throws SQLException {
        ps.setString(first, p.name());
        ps.setBigDecimal(first + 1, p.price());
        ps.setArray(first + 2, c.createArrayOf("text", p.tags().toArray()));
        ps.setString(first + 3, json(p));
    }

    static String json(NewProduct p) {
        try {
            return JSON.writeValueAsString(p.metadata());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata of \"" + NewProduct.abbreviate(p.name()) + "\" cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<Product> query(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            List<Product> products = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    products.add(read(rs));
                }
            }
            return products;
        }
    }

    private static Product read(ResultSet rs) throws SQLException {
        Array tags = rs.getArray("tags");
        List<String> tagList = Arrays.asList((String[]) tags.getArray());
        tags.free();
        JsonNode metadata;
        try {
            metadata = JSON.readTree(rs.getString("metadata"));
        } catch (JsonProcessingException e) {
            throw new SQLException("products.metadata of id " + rs.getLong("id") + " is not JSON: " + e.getOriginalMessage(), e);
        }
        return new Product(rs.getLong("id"), rs.getString("name"), rs.getBigDecimal("price"), List.copyOf(tagList), metadata,
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
