package dev.dbbench.core.orm;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;

/** The guide's tests as the guide runs them: a fresh in-memory SQLite database per test. */
class GuideExamplesSqliteTest extends GuideExamplesContract {
    @Override
    Database database() {
        return Databases.sqliteInMemory();
    }

    @Override
    void release() {
        db.close();
    }

    @Override
    String uniqueViolationSqlState() {
        return UserRepository.UNIQUE_VIOLATION;
    }
}
