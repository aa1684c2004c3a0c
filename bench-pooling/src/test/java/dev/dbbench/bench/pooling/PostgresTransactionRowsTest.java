package dev.dbbench.bench.pooling;

/** On a fresh database of the shared server, dropped when the target closes. */
class PostgresTransactionRowsTest extends TransactionRowsContract {
    @Override
    PoolTarget openTarget() {
        return new PostgresTarget("PostgresTransactionRowsTest");
    }
}
