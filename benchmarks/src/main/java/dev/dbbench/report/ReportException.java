package dev.dbbench.report;

/**
 * Input the report cannot use (a missing run folder, malformed JSON, inconsistent question metadata) or
 * output it cannot write. The message is one line naming the path and the problem; the command line
 * prints it and exits with code 2.
 */
public final class ReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
