package dev.dbbench.bench.pooling;

import dev.dbbench.bench.database.DatabaseTarget;

class SqliteTransactionRowsTest extends TransactionRowsContract {
    @Override
    PoolTarget openTarget() {
        return new DatabasePoolTarget(DatabaseTarget.sqlite("SqliteTransactionRowsTest"));
    }
}
