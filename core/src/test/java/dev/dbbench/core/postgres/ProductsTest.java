package dev.dbbench.core.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbbench.core.DatabaseException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The guide's section 3 operations on a real PostgreSQL. */
class ProductsTest extends PgTestDatabase {

    static NewProduct widget() {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("color", "blue").put("weight", 150);
        return new NewProduct("Widget", new BigDecimal("29.99"), List.of("sale", "new"), metadata);
    }

    @Test
    void insertReturnsIdAndCreatedAtAndStoresEveryColumn() {
        OffsetDateTime before = db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT now()")) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class);
            }
        });
        InsertedProduct created = db.inTransaction(c -> Products.insert(c, widget()));
        assertEquals(1, created.id());
        assertFalse(created.createdAt().isBefore(before), created.createdAt() + " is before " + before);

        Product stored = all().get(0);
        assertEquals(widget(), stored.content());
        assertEquals(created.id(), stored.id());
        assertEquals(created.createdAt().toInstant(), stored.createdAt().toInstant());
    }

    @Test
    void upsertInsertsThenUpdatesThePriceOfTheSameRow() {
        long inserted = db.inTransaction(c -> Products.upsertPrice(c, "Gadget", new BigDecimal("10.00")));
        long updated = db.inTransaction(c -> Products.upsertPrice(c, "Gadget", new BigDecimal("24.99")));

        assertEquals(inserted, updated);
        List<Product> rows = all();
        assertEquals(1, rows.size());
        assertEquals(new BigDecimal("24.99"), rows.get(0).price());
    }

    @Test
    void theGuidesTableWithoutUniqueNameCannotRunItsOwnUpsert() {
        db.useConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE guide_products (id SERIAL PRIMARY KEY, name TEXT NOT NULL, price NUMERIC(10, 2) NOT NULL)");
            }
        });
        try {
            DatabaseException e = assertThrows(DatabaseException.class, () -> db.useConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement(Products.UPSERT_PRICE.replace("products", "guide_products"))) {
                    ps.setString(1, "Widget");
                    ps.setBigDecimal(2, new BigDecimal("24.99"));
                    ps.executeQuery();
                }
            }));
            assertEquals("42P10", e.sqlState());
            assertTrue(e.getMessage().contains("no unique or exclusion constraint matching the ON CONFLICT specification"), e.getMessage());
        } finally {
            db.useConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE guide_products");
                }
            });
        }
    }

    @Test
    void jsonbAndArrayLookupsFindTheGuidesRowsInEitherForm() {
        db.useTransaction(c -> {
            Products.insert(c, widget());
            Products.insert(c, new NewProduct("Gizmo", new BigDecimal("5.00"), List.of("new"),
                    JsonNodeFactory.instance.objectNode().put("color", "red")));
            // The number 5 and the string "5": ->> compares text, @> compares JSON values.
            Products.insert(c, new NewProduct("Numbered", new BigDecimal("1.00"), List.of(),
                    JsonNodeFactory.instance.objectNode().put("color", 5)));
            Products.insert(c, new NewProduct("Texted", new BigDecimal("1.00"), List.of(),
                    JsonNodeFactory.instance.objectNode().put("color", "5")));
        });
        db.useConnection(c -> {
            assertEquals(List.of("Widget"), names(Products.findByMetadataText(c, "color", "blue")));
            assertEquals(List.of("Widget"), names(Products.findByMetadataContaining(c, "color", "blue")));
            assertEquals(List.of("Widget"), names(Products.findByTag(c, "sale")));
            assertEquals(List.of("Widget"), names(Products.findByTagContaining(c, "sale")));
            assertEquals(List.of("Widget", "Gizmo"), names(Products.findByTag(c, "new")));
            assertEquals(List.of("Widget", "Gizmo"), names(Products.findByTagContaining(c, "new")));
            assertEquals(List.of("Numbered", "Texted"), names(Products.findByMetadataText(c, "color", "5")));
            assertEquals(List.of("Texted"), names(Products.findByMetadataContaining(c, "color", "5")));
            assertEquals(List.of(), Products.findByTag(c, "missing"));
        });
    }

    @Test
    void ginIndexesLeaveTheLookupsAnswersUnchanged() {
        db.useTransaction(c -> ProductBulkInsert.copy(c, SampleProducts.range(0, 3_000)));
        List<List<Product>> before = lookups();
        db.useConnection(Products::createGinIndexes);
        assertEquals(before, lookups());
        assertEquals(3, before.get(0).size());
    }

    private static List<List<Product>> lookups() {
        return db.withConnection(c -> List.of(
                Products.findByMetadataText(c, "color", SampleProducts.color(7)),
                Products.findByMetadataContaining(c, "color", SampleProducts.color(7)),
                Products.findByTag(c, SampleProducts.tag(7)),
                Products.findByTagContaining(c, SampleProducts.tag(7))));
    }

    @Test
    void aFailedTransactionLeavesNothing() {
        DatabaseException e = assertThrows(DatabaseException.class, () -> db.useTransaction(c -> {
            Products.insert(c, widget());
            Products.insert(c, NewProduct.of("Other", BigDecimal.ONE));
            Products.insert(c, widget());
        }));
        assertEquals("23505", e.sqlState());
        assertTrue(e.getMessage().contains("products_name_key"), e.getMessage());
        assertEquals(List.of(), all());
        assertEquals(0L, db.withConnection(Products::count));
    }

    @Test
    void anExceptionOfTheCallerRollsBackToo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.useTransaction(c -> {
            Products.insert(c, widget());
            throw new IllegalStateException("caller gave up");
        }));
        assertEquals("caller gave up", e.getMessage());
        assertEquals(List.of(), all());
    }

    @Test
    void priceThatNumericWouldRoundIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NewProduct.of("Widget", new BigDecimal("9.999")));
        assertTrue(e.getMessage().startsWith("price 9.999 of \"Widget\" has more than 2 decimals: products.price is NUMERIC(10,2)"), e.getMessage());

        IllegalArgumentException tooLarge = assertThrows(IllegalArgumentException.class, () -> NewProduct.of("Widget", new BigDecimal("123456789.00")));
        assertTrue(tooLarge.getMessage().contains("at most 8 digits before the decimal point"), tooLarge.getMessage());

        assertEquals(new BigDecimal("9.990"), NewProduct.of("Widget", new BigDecimal("9.990")).price());
    }

    @Test
    void metadataMustBeAnObject() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NewProduct("Widget", BigDecimal.ONE, List.of(), JsonNodeFactory.instance.arrayNode()));
        assertTrue(e.getMessage().startsWith("metadata of \"Widget\" is a JSON ARRAY, not an object"), e.getMessage());
    }

    @Test
    void hostileStringsInEveryParameterAreStoredVerbatim() {
        List<String> shape = schemaShape();
        List<NewProduct> products = hostileProducts();
        db.useTransaction(c -> {
            for (NewProduct p : products) {
                Products.insert(c, p);
            }
        });
        assertEquals(products, all().stream().map(Product::content).toList());
        db.useConnection(c -> {
            for (String s : PgHostileStrings.ALL) {
                assertEquals(1, Products.findByMetadataText(c, "note", s).size(), "->> lookup of " + NewProduct.abbreviate(s));
                assertEquals(1, Products.findByMetadataContaining(c, "note", s).size(), "@> lookup of " + NewProduct.abbreviate(s));
                assertEquals(PgHostileStrings.ALL.size(), Products.findByTag(c, s).size(), "ANY lookup of " + NewProduct.abbreviate(s));
                assertEquals(PgHostileStrings.ALL.size(), Products.findByTagContaining(c, s).size());
                // A key that is itself hostile.
                assertEquals(1, Products.findByMetadataText(c, s, "key").size());
            }
            long upserted = Products.upsertPrice(c, PgHostileStrings.ALL.get(2), new BigDecimal("1.23"));
            assertEquals(3, upserted);
        });
        assertEquals(shape, schemaShape());
    }

    /** One product per hostile string as its name, every hostile string as tags, and in the metadata as a value and a key. */
    static List<NewProduct> hostileProducts() {
        List<String> all = PgHostileStrings.ALL;
        return IntStream.range(0, all.size()).mapToObj(i -> {
            ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("note", all.get(i)).put(all.get(i), "key");
            return new NewProduct(all.get(i), new BigDecimal(i + ".50"), all, metadata);
        }).toList();
    }

    private static List<String> names(List<Product> products) {
        return products.stream().map(Product::name).toList();
    }
}
