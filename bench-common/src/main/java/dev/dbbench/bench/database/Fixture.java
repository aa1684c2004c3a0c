package dev.dbbench.bench.database;

import dev.dbbench.core.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A database's starting content that is costly to make (a million users, indexed and analysed)
 * and read-only while measured, so it is built once per run and copied for every trial
 * ({@link DatabaseTarget#fromFixture}). What it holds is named by its key: the generator's name,
 * its version (raised whenever the generator's output changes) and {@code contents}, every size
 * and seed it was built with. A changed generator or size is another key and is built anew; the
 * same key is never built twice in a run.
 *
 * @param generator what builds it, [a-z0-9_], e.g. {@code guide_users}
 * @param version   raised with every change to what {@code build} writes
 * @param contents  the sizes and seed, e.g. {@code rows=1000000}
 * @param build     writes the content into an empty database and closes every connection it opened
 */
public record Fixture(String generator, int version, String contents, Build build) {
    /** Writes a fixture's content. */
    @FunctionalInterface
    public interface Build {
        void into(Database db) throws SQLException;
    }

    public Fixture {
        Objects.requireNonNull(contents, "contents");
        Objects.requireNonNull(build, "build");
        if (generator == null || !generator.matches("[a-z][a-z0-9_]{0,23}")) {
            throw new IllegalArgumentException("a fixture's generator is 1 to 24 of [a-z0-9_], starting with a letter; was \"" + generator + "\"");
        }
    }

    /**
     * {@code <generator>_v<version>_<hash of all three>}: readable in a file or database listing,
     * short enough for a PostgreSQL name (63 bytes), and different whenever any part is.
     */
    public String key() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((generator + "\n" + version + "\n" + contents).getBytes(StandardCharsets.UTF_8));
            return generator + "_v" + version + "_" + HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
