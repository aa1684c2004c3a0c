package dev.dbbench.bench.postgres.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.txn.Bank;
import dev.dbbench.core.txn.TransferResult;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The thread-count variants run the same transfer; here it is shown to move money between two
 * distinct accounts, keep the total, log every transfer, and start every iteration from the
 * opening balances.
 */
class PgTransferBenchmarkTest {

    @ParameterizedTest
    @ValueSource(ints = {10, 1000})
    void transfersKeepTheTotalAndAnIterationStartsFromTheOpeningBalances(int accounts) throws Exception {
        PgTransferBenchmark bench = new PgTransferBenchmark();
        bench.accounts = accounts;
        bench.openAccounts();
        PgTransferBenchmark.Client client = new PgTransferBenchmark.Client();
        client.connect(bench);
        try {
            PgTransferBenchmark.Outcomes outcomes = new PgTransferBenchmark.Outcomes();
            bench.resetBalances();
            outcomes.clear();
            for (int i = 0; i < 500; i++) {
                TransferResult r = bench.threads1(client, outcomes);
                assertNotNull(r);
                assertEquals(i + 1, r.transferId());
            }
            assertEquals(0, outcomes.retries);
            assertEquals(0, outcomes.rejected);
            try (Connection c = bench.endpoint.connect()) {
                Map<Long, BigDecimal> balances = Bank.balances(c);
                assertEquals(accounts, balances.size());
                assertEquals(PgTransferBenchmark.OPENING.multiply(BigDecimal.valueOf(accounts)),
                        balances.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
                bench.resetBalances();
                assertTrue(Bank.balances(c).values().stream().allMatch(b -> b.compareTo(PgTransferBenchmark.OPENING) == 0));
            }
        } finally {
            client.close();
            bench.dropDatabase();
        }
    }
}
