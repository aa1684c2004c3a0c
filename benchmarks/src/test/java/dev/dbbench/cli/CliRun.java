package dev.dbbench.cli;

import dev.dbbench.results.RunListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One in-process run of the command line, its exit code and what it printed. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        return of(Map.of(), List.of(), args);
    }

    static CliRun of(Map<String, String> env, List<RunListener> listeners, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, env, o, e, listeners);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The error output, which for a refused run must be exactly one line. */
    String errLine() {
        List<String> lines = err.lines().toList();
        if (lines.size() != 1) {
            throw new AssertionError("expected one line on stderr, got " + lines.size() + ":\n" + err);
        }
        return lines.get(0);
    }
}
