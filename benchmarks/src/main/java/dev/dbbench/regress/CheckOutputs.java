package dev.dbbench.regress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dbbench.results.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Where a comparison's report goes: always printed; {@code --markdown} and {@code --json} written
 * atomically ({@link AtomicFiles}); appended to {@code $GITHUB_STEP_SUMMARY} when that is set. Every
 * destination is checked when the command starts, so a path that cannot be written fails before the
 * first fork, not after every fork ran; nothing is created until the report is written.
 */
final class CheckOutputs {
    private static final String SUMMARY = "GITHUB_STEP_SUMMARY";

    private final Path markdown;
    private final Path json;
    private final Path stepSummary;

    private CheckOutputs(Path markdown, Path json, Path stepSummary) {
        this.markdown = markdown;
        this.json = json;
        this.stepSummary = stepSummary;
    }

    static CheckOutputs checked(Path markdown, Path json, Map<String, String> env) {
        writable("--markdown", markdown);
        writable("--json", json);
        String summary = env.get(SUMMARY);
        Path stepSummary = summary == null || summary.isBlank() ? null : Path.of(summary);
        writable(SUMMARY, stepSummary);
        return new CheckOutputs(markdown, json, stepSummary);
    }

    void publish(String md, Object report, PrintWriter out) {
        out.println(md);
        out.flush();
        if (markdown != null) {
            write(markdown, md, "--markdown");
        }
        if (json != null) {
            write(json, toJson(report), "--json");
        }
        if (stepSummary != null) {
            try {
                Files.writeString(stepSummary, md + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new BadInputException(SUMMARY + "=" + stepSummary + " cannot be appended to (" + JmhResults.oneLine(e) + ")", e);
            }
        }
    }

    static String toJson(Object report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the report: " + JmhResults.oneLine(e), e);
        }
    }

    /** Writes {@code text} whole or not at all, making the file's folder first; {@code what} names it in the error. */
    static void write(Path target, String text, String what) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            AtomicFiles.write(target, text);
        } catch (IOException e) {
            throw new BadInputException(what + " " + target + " cannot be written (" + AtomicFiles.reason(e) + "): give a writable path", e);
        }
    }

    /** An output file that can be created or replaced: its folder exists, or can be made, and takes a new file. */
    private static void writable(String option, Path file) {
        if (file == null) {
            return;
        }
        if (file.toString().isBlank()) {
            throw new BadInputException(option + " is empty: name a file in a writable directory");
        }
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new BadInputException(option + " " + file + " is a directory: name a file");
        }
        Path existing = target.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            if (existing == null || !Files.isDirectory(existing)) {
                throw new IOException(existing + " is not a directory");
            }
            Files.delete(Files.createTempFile(existing, ".dbbench-probe", ".tmp"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new BadInputException(option + " " + file + " cannot be written (" + JmhResults.oneLine(e) + "): give a writable path", e);
        }
    }
}
