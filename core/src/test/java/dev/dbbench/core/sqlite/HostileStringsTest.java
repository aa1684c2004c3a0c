package dev.dbbench.core.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every string parameter stores hostile text verbatim and the schema never changes. */
class HostileStringsTest {
    private Database db;
    private SqliteUsers users;
    private List<String> schemaBefore;

    @BeforeEach
    void createDatabase() {
        db = Databases.sqliteInMemory();
        users = new SqliteUsers(db);
        users.createSchema();
        try (KvStore kv = KvStore.open(db)) {
            kv.set("seed", "kv table exists");
        }
        schemaBefore = SqliteTestSupport.schema(db);
    }

    @AfterEach
    void checkSchemaAndDrop() {
        try {
            assertEquals(schemaBefore, SqliteTestSupport.schema(db), "schema changed");
        } finally {
            db.close();
        }
    }

    @Test
    void singleRowOperations() {
        int i = 0;
        for (String hostile : HostileStrings.ALL) {
            String email = hostile + "#" + i++;
            assertTrue(users.insertOrIgnore(new NewUser(email, hostile)));
            SqliteUser found = users.findByEmail(email).orElseThrow();
            assertEquals(email, found.email());
            assertEquals(hostile, found.name());

            String renamed = "renamed " + hostile;
            assertTrue(users.rename(email, renamed));
            assertEquals(renamed, users.findByEmail(email).orElseThrow().name());
            assertTrue(users.setActive(email, true));
        }
        assertEquals(HostileStrings.ALL.size(), SqliteTestSupport.count(db, "users"));
        assertEquals(0, users.deleteInactive());
    }

    @ParameterizedTest
    @EnumSource(UserInsertStrategy.class)
    void bulkStrategies(UserInsertStrategy strategy) {
        List<NewUser> batch = new ArrayList<>();
        for (String hostile : HostileStrings.ALL) {
            batch.add(new NewUser(hostile, "name of " + hostile));
            batch.add(new NewUser("email of " + hostile, hostile));
        }
        assertEquals(batch.size(), users.insertAll(batch, strategy));
        assertEquals(batch, users.all().stream().map(u -> new NewUser(u.email(), u.name())).toList());
    }

    @Test
    void keyValueStore() {
        try (KvStore kv = KvStore.open(db)) {
            for (String hostile : HostileStrings.ALL) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put(hostile, hostile);
                value.put("list", List.of(hostile, hostile));
                kv.set(hostile, value);
                assertEquals(value, kv.get(hostile, Map.class, null));
                kv.set(hostile, hostile);
                assertEquals(hostile, kv.get(hostile, String.class, null));
            }
            assertEquals(HostileStrings.ALL.size() + 1, SqliteTestSupport.count(db, "kv"));
            for (String hostile : HostileStrings.ALL) {
                assertTrue(kv.delete(hostile));
            }
            assertEquals(1, SqliteTestSupport.count(db, "kv"));
        }
    }
}
