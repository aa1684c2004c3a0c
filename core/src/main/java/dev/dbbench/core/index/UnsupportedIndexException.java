package dev.dbbench.core.index;

import dev.dbbench.core.DatabaseException;

/** An index the database cannot build as described, refused before any DDL is sent. */
public class UnsupportedIndexException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public UnsupportedIndexException(String message) {
        super(message);
    }
}
