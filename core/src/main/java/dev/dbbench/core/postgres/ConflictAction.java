package dev.dbbench.core.postgres;

/** What an upsert does with a product whose name exists. */
public enum ConflictAction {
    /** {@code ON CONFLICT (name) DO UPDATE SET price, tags, metadata = EXCLUDED...}: the new values win. */
    UPDATE,
    /** {@code ON CONFLICT (name) DO NOTHING}: the existing row stays as it is. */
    NOTHING
}
