package dev.dbbench.core.postgres;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The guide's bulk data ({@code {"name": f"Product {i}", "price": 9.99 + i}}) with tags and
 * metadata added, so the JSONB and array lookups have something to find. Product {@code i} has
 * tags {@code ["tag-<i mod 1000>", "even"|"odd"]} and metadata
 * {@code {"color": "color-<i mod 1000>", "weight": 100 + i mod 400}}: a color or a {@code tag-}
 * tag matches one product in a thousand.
 */
public final class SampleProducts {
    /** Distinct colors and {@code tag-} tags; a lookup of one matches {@code count / SPREAD} products. */
    public static final int SPREAD = 1_000;

    private static final BigDecimal BASE_PRICE = new BigDecimal("9.99");

    private SampleProducts() {}

    /** Products {@code first} .. {@code first + count - 1}, made when read (the list holds no products). */
    public static List<NewProduct> range(int first, int count) {
        if (count < 0 || first < 0) {
            throw new IllegalArgumentException("first " + first + " and count " + count + " must not be negative");
        }
        return new Generated(first, count);
    }

    /** Product number {@code i}. */
    public static NewProduct product(int i) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode()
                .put("color", color(i))
                .put("weight", 100 + i % 400);
        return new NewProduct("Product " + i, BASE_PRICE.add(BigDecimal.valueOf(i)), List.of(tag(i), i % 2 == 0 ? "even" : "odd"), metadata);
    }

    public static String color(int i) {
        return "color-" + i % SPREAD;
    }

    public static String tag(int i) {
        return "tag-" + i % SPREAD;
    }

    private static final class Generated extends AbstractList<NewProduct> implements RandomAccess {
        private final int first;
        private final int count;

        Generated(int first, int count) {
            this.first = first;
            this.count = count;
        }

        @Override
        public NewProduct get(int index) {
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException("index " + index + " of " + count + " products");
            }
            return product(first + index);
        }

        @Override
        public int size() {
            return count;
        }
    }
}
