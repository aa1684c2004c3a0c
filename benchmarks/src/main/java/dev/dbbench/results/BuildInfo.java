package dev.dbbench.results;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import picocli.CommandLine.IVersionProvider;

/**
 * What this jar was built from, recorded when it was packaged (the parent pom's antrun {@code commit}
 * execution runs git and Maven filters {@code META-INF/dbbench/build.properties}): the commit, whether the tree had uncommitted changes,
 * the build time. Read from the jar, not from git at run time, so a jar copied elsewhere (or run in
 * another checkout) still names its own source.
 *
 * @param commit full commit id, or null when the jar was built outside a git checkout
 * @param dirty whether the build's tree had uncommitted changes to tracked files; null when unknown
 * @param buildTime ISO-8601 UTC, or null when unknown
 */
public record BuildInfo(String version, String commit, Boolean dirty, String buildTime) {
    static final String RESOURCE = Environment.BUILD_PROPERTIES;

    /** This jar's build information; fields the build could not fill are null. */
    public static BuildInfo current() {
        return from(load(RESOURCE));
    }

    static BuildInfo from(Properties p) {
        String dirty = known(p.getProperty("build.dirty"));
        return new BuildInfo(known(p.getProperty("build.version")), commitOrNull(known(p.getProperty("build.commit"))),
                dirty == null ? null : Boolean.valueOf(dirty), known(p.getProperty("build.time")));
    }

    /** The commit as people quote it: the full id, "-dirty" appended when the tree had uncommitted changes (as git describe does). */
    public String describeCommit() {
        if (commit == null) {
            return "unknown commit";
        }
        return Boolean.TRUE.equals(dirty) ? commit + "-dirty" : commit;
    }

    /** One line for {@code --version}. */
    public String line() {
        return "dbbench " + (version == null ? "(unknown version)" : version) + ", commit " + describeCommit()
                + (buildTime == null ? "" : ", built " + buildTime);
    }

    /** A filter left unfilled (built outside git) keeps the placeholder: that is "unknown", not a value. */
    private static String known(String value) {
        return value == null || value.isBlank() || value.contains("${") || value.strip().equals("unknown") ? null : value.strip();
    }

    private static String commitOrNull(String value) {
        return value != null && value.matches("[0-9a-f]{40,64}") ? value : null;
    }

    /** The build information of another jar, read from its entry; fields it lacks (or an unreadable jar) are null. */
    public static BuildInfo of(Path jar) {
        Properties p = new Properties();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(RESOURCE);
            if (entry != null) {
                try (InputStream in = zip.getInputStream(entry)) {
                    p.load(in);
                }
            }
        } catch (IOException e) {
            // As for this jar's own entry: unknown, not a failure.
        }
        return from(p);
    }

    static Properties load(String resource) {
        Properties p = new Properties();
        URL url = BuildInfo.class.getClassLoader().getResource(resource);
        if (url != null) {
            try (InputStream in = url.openStream()) {
                p.load(in);
            } catch (IOException e) {
                // An unreadable entry leaves every field unknown: environment.json then says so rather than failing the run.
            }
        }
        return p;
    }

    /** For picocli's {@code --version}. */
    public static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {current().line(),
                "JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch")};
        }
    }
}
