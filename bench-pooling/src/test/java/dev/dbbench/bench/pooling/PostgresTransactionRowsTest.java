package dev.dbbench.bench.pooling;

import dev.dbbench.bench.database.DatabaseTarget;

/** On a fresh database of the shared server, dropped when the target closes. */
class PostgresTransactionRowsTest extends TransactionRowsContract {
    @Override
    PoolTarget openTarget() {
        return new DatabasePoolTarget(DatabaseTarget.postgres("PostgresTransactionRowsTest"));
    }
}
