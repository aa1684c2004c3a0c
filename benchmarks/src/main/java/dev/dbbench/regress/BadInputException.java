package dev.dbbench.regress;

/**
 * Input the check cannot compare: a missing or malformed file, a jar that is not a dbbench jar,
 * different benchmark sets or JMH settings, too few pairs, a fork that produced no result. The message
 * is one line naming what is wrong and what to do; the command exits with code 3.
 */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
