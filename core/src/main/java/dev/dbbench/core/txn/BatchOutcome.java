package dev.dbbench.core.txn;

/**
 * What a batch did.
 *
 * @param processed items inserted
 * @param skipped   items left out because their name was taken (in the table or earlier in the batch)
 */
public record BatchOutcome(int processed, int skipped) {}
