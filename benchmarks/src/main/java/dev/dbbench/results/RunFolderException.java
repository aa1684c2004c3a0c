package dev.dbbench.results;

/**
 * A run folder or JMH result file that cannot be read: missing, malformed JSON, an entry without its
 * fields. The message is one line naming the file and the problem; a command prints it as it is and
 * exits with its bad-input code.
 */
public final class RunFolderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunFolderException(String message) {
        super(message);
    }

    public RunFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
