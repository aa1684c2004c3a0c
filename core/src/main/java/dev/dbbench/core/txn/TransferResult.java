package dev.dbbench.core.txn;

/**
 * A committed transfer.
 *
 * @param transferId the row in {@code transfers} that logs it
 * @param attempts   how many times its transaction ran (1 when it did not have to be retried)
 */
public record TransferResult(long transferId, int attempts) {
    /** Attempts that were rolled back and tried again. */
    public int retries() {
        return attempts - 1;
    }
}
