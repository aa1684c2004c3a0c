package dev.dbbench.cli;

/**
 * The run cannot start. The message is one line for a person: the setting as they typed it, the
 * value, the rule and the fix. Main prints it and exits with code 2, before any benchmark starts.
 */
public final class SetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SetupException(String message) {
        super(message);
    }

    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
