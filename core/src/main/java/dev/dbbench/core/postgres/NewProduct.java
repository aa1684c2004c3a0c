package dev.dbbench.core.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A product to insert into the guide's {@code products} table (section 3).
 *
 * @param name     unique, any text (PostgreSQL text cannot hold the NUL character)
 * @param price    at most 8 integer digits and 2 decimals: the column is {@code NUMERIC(10,2)},
 *                 which would silently round a third decimal, so such a price is refused here
 * @param tags     the {@code TEXT[]} column, in order; empty for none, never null elements
 * @param metadata the {@code JSONB} column: a JSON object
 */
public record NewProduct(String name, BigDecimal price, List<String> tags, JsonNode metadata) {
    static final int PRICE_PRECISION = 10;
    static final int PRICE_SCALE = 2;

    public NewProduct {
        Objects.requireNonNull(name, "name (products.name is NOT NULL)");
        Objects.requireNonNull(price, "price (products.price is NOT NULL)");
        if (price.scale() > PRICE_SCALE && price.stripTrailingZeros().scale() > PRICE_SCALE) {
            throw new IllegalArgumentException("price " + price.toPlainString() + " of \"" + abbreviate(name)
                    + "\" has more than 2 decimals: products.price is NUMERIC(10,2), which would round it. Round it first (setScale(2, RoundingMode.HALF_EVEN))");
        }
        if (price.precision() - price.scale() > PRICE_PRECISION - PRICE_SCALE) {
            throw new IllegalArgumentException("price " + price.toPlainString() + " of \"" + abbreviate(name)
                    + "\" does not fit products.price NUMERIC(10,2): at most 8 digits before the decimal point");
        }
        tags = List.copyOf(Objects.requireNonNull(tags, "tags (use List.of() for none)"));
        metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata;
        if (!metadata.isObject()) {
            throw new IllegalArgumentException("metadata of \"" + abbreviate(name) + "\" is a JSON " + metadata.getNodeType()
                    + ", not an object: the guide's lookups (metadata->>'color') expect an object such as {\"color\": \"blue\"}");
        }
    }

    /** A product without tags or metadata, as the guide's bulk insert makes them. */
    public static NewProduct of(String name, BigDecimal price) {
        return new NewProduct(name, price, List.of(), null);
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
