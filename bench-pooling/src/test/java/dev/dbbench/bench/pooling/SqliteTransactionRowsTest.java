package dev.dbbench.bench.pooling;

class SqliteTransactionRowsTest extends TransactionRowsContract {
    @Override
    PoolTarget openTarget() {
        return new SqliteTarget();
    }
}
