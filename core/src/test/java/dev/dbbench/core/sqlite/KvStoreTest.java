package dev.dbbench.core.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.SqliteDirectory;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KvStoreTest {
    private SqliteDirectory dir;
    private Database db;
    private KvStore store;

    @BeforeEach
    void open() {
        dir = SqliteDirectory.create();
        db = Databases.sqlite(dir.file("kv.db"));
        store = KvStore.open(db);
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
        dir.close();
    }

    @Test
    void theGuidesExample() {
        store.set("config", Map.of("theme", "dark", "lang", "en"));
        assertEquals(Map.of("theme", "dark", "lang", "en"), store.get("config", Map.class, null));
    }

    @Test
    void missingKeyGivesTheDefault() {
        assertEquals("fallback", store.get("nope", String.class, "fallback"));
        assertNull(store.get("nope", String.class, null));
        assertEquals(Optional.empty(), store.find("nope"));
    }

    @Test
    void storedNullIsNotAMissingKey() {
        store.set("k", null);
        assertNull(store.get("k", String.class, "fallback"), "a stored JSON null is returned as null, not the default");
        assertEquals(Optional.of(NullNode.getInstance()), store.find("k"));
        assertTrue(store.delete("k"));
        assertEquals("fallback", store.get("k", String.class, "fallback"));
    }

    @Test
    void setIsAnUpsert() {
        store.set("k", 1);
        store.set("k", List.of("two", 2));
        assertEquals(List.of("two", 2), store.get("k", List.class, null));
        assertEquals(1, SqliteTestSupport.count(db, "kv"));
    }

    @Test
    void setRefreshesUpdatedAt() {
        store.set("k", "v1");
        db.useConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE kv SET updated_at = ? WHERE key = ?")) {
                ps.setString(1, "2000-01-01 00:00:00");
                ps.setString(2, "k");
                ps.executeUpdate();
            }
        });
        assertEquals(Optional.of(Instant.parse("2000-01-01T00:00:00Z")), store.updatedAt("k"));
        store.set("k", "v2");
        assertTrue(store.updatedAt("k").orElseThrow().isAfter(Instant.parse("2020-01-01T00:00:00Z")), "updated_at refreshed by set");
        assertEquals(Optional.empty(), store.updatedAt("missing"));
    }

    @Test
    void deleteSaysWhetherTheKeyExisted() {
        store.set("k", true);
        assertTrue(store.delete("k"));
        assertFalse(store.delete("k"));
        assertEquals(Optional.empty(), store.find("k"));
    }

    @Test
    void nestedObjectsRoundTrip() {
        Map<String, Object> value = Map.of(
                "user", Map.of("name", "Zoë", "tags", List.of("a", "b"), "address", Map.of("city", "Zürich", "zip", 8001)),
                "scores", List.of(1.5, -2, 1e100),
                "flags", Map.of("on", true, "off", false),
                "nothing", List.of());
        store.set("nested", value);
        assertEquals(value, store.get("nested", Map.class, null));
        JsonNode tree = store.find("nested").orElseThrow();
        assertEquals("Zürich", tree.at("/user/address/city").asText());
    }

    @Test
    void unicodeRoundTrips() {
        String text = "日本語 עברית 😀👍🏽 👨‍👩‍👧 \u0001\t\n \"quoted\" \\ end";
        store.set(text, Map.of(text, text));
        assertEquals(Map.of(text, text), store.get(text, Map.class, null));
    }

    @Test
    void oneMegabyteValueRoundTrips() {
        String big = "0123456789abcdéf".repeat(1 << 16);
        assertEquals(1 << 20, big.length());
        store.set("big", Map.of("payload", big));
        assertEquals(big, store.find("big").orElseThrow().get("payload").asText());
    }

    @Test
    void longNamesThatJacksonWritesAreReadBack() {
        // Over Jackson's default maxNameLength (50,000) for reading; writing has no such limit.
        String longName = "k".repeat(60_000);
        store.set("long", Map.of(longName, 1));
        assertEquals(Map.of(longName, 1), store.get("long", Map.class, null));
    }

    @Test
    void survivesReopening() {
        store.set("k", Map.of("a", 1));
        try (KvStore again = KvStore.open(db)) {
            assertEquals(Map.of("a", 1), again.get("k", Map.class, null));
        }
    }

    @Test
    void unwritableValueNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.set("k", new Object()));
        assertTrue(e.getMessage().startsWith("[kv sqlite:") && e.getMessage().contains("] value for key \"k\" cannot be written as JSON (No serializer found"),
                e.getMessage());
        assertEquals(Optional.empty(), store.find("k"), "nothing stored");
    }

    @Test
    void foreignTextIsReportedWithTheKey() {
        db.useConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kv (key, value) VALUES (?, ?)")) {
                ps.setString(1, "x".repeat(100));
                ps.setString(2, "not json");
                ps.executeUpdate();
            }
        });
        DatabaseException e = assertThrows(DatabaseException.class, () -> store.find("x".repeat(100)));
        assertTrue(e.getMessage().contains("] value of key \"" + "x".repeat(60) + "...\" (100 chars) is not JSON (Unrecognized token 'not'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Was it written outside KvStore?"), e.getMessage());
    }
}
