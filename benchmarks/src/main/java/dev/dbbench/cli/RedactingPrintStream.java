package dev.dbbench.cli;

import dev.dbbench.core.provision.Secrets;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * JMH's text output with secrets masked. JMH prints each fork's JVM arguments ("# VM options"),
 * and by default a fork inherits the launcher's: a password given as {@code -Ddbbench.pg.password}
 * on the launcher's own command line would be printed. JMH's text report writes through
 * {@code print}/{@code println} of strings, which all pass {@link #print(String)} here.
 */
final class RedactingPrintStream extends PrintStream {
    private final Secrets secrets;

    RedactingPrintStream(PrintStream target, Secrets secrets) {
        super(target, true, StandardCharsets.UTF_8);
        this.secrets = secrets;
    }

    @Override
    public void print(String s) {
        super.print(secrets.redact(s));
    }

    @Override
    public void println(String s) {
        synchronized (this) {
            print(s);
            println();
        }
    }

    /** Leaves the console open: the launcher still prints the summary on it. */
    @Override
    public void close() {
        flush();
    }
}
