package dev.dbbench.core.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A row of the {@code products} table as read back; {@code price} always has scale 2. */
public record Product(long id, String name, BigDecimal price, List<String> tags, JsonNode metadata, OffsetDateTime createdAt) {

    /** What was inserted, without what the database chose (id, created_at). */
    public NewProduct content() {
        return new NewProduct(name, price, tags, metadata);
    }
}
