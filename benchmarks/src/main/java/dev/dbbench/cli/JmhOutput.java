package dev.dbbench.cli;

import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.runner.options.Options;

/** Where JMH's own text goes: the console, or the file given with -o (closed after the run). */
record JmhOutput(PrintStream stream, boolean owned) implements AutoCloseable {
    static JmhOutput open(Options options, PrintStream console) {
        if (!options.getOutput().hasValue()) {
            return new JmhOutput(console, false);
        }
        String file = options.getOutput().get();
        try {
            return new JmhOutput(new PrintStream(new FileOutputStream(file), true, StandardCharsets.UTF_8), true);
        } catch (FileNotFoundException e) {
            throw new SetupException("-o cannot write \"" + file + "\" (" + e.getMessage() + "). Name a file in a writable directory", e);
        }
    }

    @Override
    public void close() {
        if (owned) {
            stream.close();
        } else {
            stream.flush();
        }
    }
}
