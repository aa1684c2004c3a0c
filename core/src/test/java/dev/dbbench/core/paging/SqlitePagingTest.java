package dev.dbbench.core.paging;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.SqliteDirectory;
import org.junit.jupiter.api.AfterEach;

/**
 * Paging and streaming on a SQLite file in WAL mode (a file rather than memory so a second
 * connection writes the way another process would).
 */
class SqlitePagingTest extends StreamingContract {
    private SqliteDirectory dir;

    @Override
    Database database() {
        dir = SqliteDirectory.create();
        return Databases.sqlite(dir.file("paging.db"));
    }

    @AfterEach
    void removeFile() {
        dir.close();
    }
}
