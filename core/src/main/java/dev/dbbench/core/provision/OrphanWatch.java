package dev.dbbench.core.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Keeps an embedded server from outliving the JVM that started it. That JVM stops the server when
 * it ends, or on Ctrl-C through a shutdown hook; but a JVM killed outright ({@code kill -9}, the
 * out-of-memory killer) runs no hook, and the postmaster, already a child of init (pg_ctl detaches
 * it), would run on with its data folder and socket. A small shell loop started here waits for
 * this JVM to go; if the server is still there then, it stops it (SIGINT: PostgreSQL's fast
 * shutdown) and removes the data folder. When the server is stopped normally the loop is ended first.
 */
final class OrphanWatch implements AutoCloseable {
    private static final Path SHELL = Path.of("/bin/sh");
    private static final String SCRIPT = String.join("\n",
            "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done",
            "if kill -0 \"$2\" 2>/dev/null; then",
            "  kill -INT \"$2\"",
            "  while kill -0 \"$2\" 2>/dev/null; do sleep 0.2; done",
            "fi",
            "rm -rf \"$3\"");

    private final Process watcher;

    private OrphanWatch(Process watcher) {
        this.watcher = watcher;
    }

    /** Watches the postmaster listening on {@code port}; a no-op where there is no POSIX shell or the postmaster is not found. */
    static OrphanWatch start(int port) {
        if (!Files.isExecutable(SHELL)) {
            return new OrphanWatch(null);
        }
        Optional<ProcessHandle> postmaster = postmaster(port);
        Optional<String> dataDir = postmaster.flatMap(p -> argumentAfter(p, "-D"));
        if (postmaster.isEmpty() || dataDir.isEmpty()) {
            return new OrphanWatch(null);
        }
        try {
            Process watcher = new ProcessBuilder(SHELL.toString(), "-c", SCRIPT, "dbbench-pg-watch",
                    Long.toString(ProcessHandle.current().pid()), Long.toString(postmaster.get().pid()), dataDir.get())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new OrphanWatch(watcher);
        } catch (IOException e) {
            // Without the watch the server is still stopped on every ordinary exit; only kill -9 would leave it.
            return new OrphanWatch(null);
        }
    }

    /** The postmaster of an embedded server: a {@code postgres} process with {@code -p port} and a data folder. */
    static Optional<ProcessHandle> postmaster(int port) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> argumentAfter(p, "-p").map(Integer.toString(port)::equals).orElse(false))
                .filter(p -> argumentAfter(p, "-D").isPresent())
                .findFirst();
    }

    static Optional<String> argumentAfter(ProcessHandle p, String flag) {
        List<String> args = p.info().arguments().map(Arrays::asList).orElse(List.of());
        int at = args.indexOf(flag);
        return at >= 0 && at + 1 < args.size() ? Optional.of(args.get(at + 1)) : Optional.empty();
    }

    @Override
    public void close() {
        if (watcher != null) {
            // Its children (a sleep of at most a second) end by themselves.
            watcher.destroy();
        }
    }
}
