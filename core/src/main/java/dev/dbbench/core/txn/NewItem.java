package dev.dbbench.core.txn;

import java.util.Objects;

/** An item of the guide's savepoint batch: {@code name} is unique in {@code items}. */
public record NewItem(String name, int value) {
    public NewItem {
        Objects.requireNonNull(name, "name (items.name is NOT NULL)");
    }
}
