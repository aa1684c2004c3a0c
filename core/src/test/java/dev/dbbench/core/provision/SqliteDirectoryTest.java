package dev.dbbench.core.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.sqlite.SqliteSettings;
import dev.dbbench.core.sqlite.SqliteSettings.JournalMode;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SqliteDirectoryTest {

    @Test
    void removesTheDirectoryWithItsFiles() throws Exception {
        SqliteDirectory dir = SqliteDirectory.create();
        Files.writeString(dir.file("a.db"), "x");
        Files.createDirectories(dir.file("nested"));
        Files.writeString(dir.file("nested").resolve("b.db"), "y");
        dir.close();
        assertFalse(Files.exists(dir.path()));
        dir.close();
    }

    /**
     * The last connection to a WAL database deletes its -wal and -shm files on close. Threads closing
     * their connections while the directory is removed (as a JMH group's readers do while the group's
     * state is torn down) must not make the removal fail.
     */
    @Test
    void connectionsClosingDuringRemovalDoNotFailIt() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 30; round++) {
                SqliteDirectory dir = SqliteDirectory.create();
                Database db = Databases.sqlite(dir.file("wal.db"), SqliteSettings.guide().withJournalMode(JournalMode.WAL));
                db.useConnection(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
                        s.execute("INSERT INTO t VALUES (1)");
                    }
                });
                List<Connection> open = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    Connection c = db.open();
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                        rs.next();
                        assertEquals(1, rs.getInt(1));
                    }
                    open.add(c);
                }
                assertTrue(Files.exists(dir.file("wal.db-shm")));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> closing = new ArrayList<>();
                for (Connection c : open) {
                    closing.add(threads.submit(() -> {
                        go.await();
                        c.close();
                        return null;
                    }));
                }
                go.countDown();
                dir.close();
                for (Future<?> f : closing) {
                    f.get();
                }
                db.close();
                assertFalse(Files.exists(dir.path()));
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
