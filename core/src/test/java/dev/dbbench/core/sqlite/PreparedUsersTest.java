package dev.dbbench.core.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreparedUsersTest {

    @Test
    void reusesItsStatementsAndAgreesWithSqliteUsers() {
        try (Database db = Databases.sqliteInMemory()) {
            SqliteUsers users = new SqliteUsers(db);
            users.createSchema();
            db.useConnection(c -> {
                try (PreparedUsers prepared = PreparedUsers.on(c)) {
                    for (String hostile : HostileStrings.ALL) {
                        assertTrue(prepared.insertOrIgnore(new NewUser(hostile, hostile)));
                        assertFalse(prepared.insertOrIgnore(new NewUser(hostile, "again")));
                        assertEquals(users.findByEmail(hostile), prepared.findByEmail(hostile));
                        assertEquals(hostile, prepared.findByEmail(hostile).orElseThrow().name());
                    }
                    assertEquals(Optional.empty(), prepared.findByEmail("missing"));
                }
            });
            assertEquals(HostileStrings.ALL.size(), users.count());
        }
    }
}
