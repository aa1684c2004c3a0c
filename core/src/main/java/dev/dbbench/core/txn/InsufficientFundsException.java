package dev.dbbench.core.txn;

import java.math.BigDecimal;

/**
 * A business error, not a database failure: the sender's balance does not cover the transfer.
 * The transfer's transaction is rolled back, so nothing changed.
 */
public class InsufficientFundsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final BigDecimal balance;
    private final BigDecimal amount;

    public InsufficientFundsException(long accountId, BigDecimal balance, BigDecimal amount) {
        super("insufficient funds: account " + accountId + " has " + balance.toPlainString() + ", the transfer needs " + amount.toPlainString());
        this.accountId = accountId;
        this.balance = balance;
        this.amount = amount;
    }

    public long accountId() {
        return accountId;
    }

    public BigDecimal balance() {
        return balance;
    }

    public BigDecimal amount() {
        return amount;
    }
}
