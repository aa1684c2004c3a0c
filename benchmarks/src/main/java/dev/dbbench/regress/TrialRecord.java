package dev.dbbench.regress;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbbench.results.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The durable record of {@code CompareTrials --preset}: every finished check, written whole into
 * {@code trials.json} (through {@link CheckOutputs#write}, so atomically) the moment it ends. A check
 * cut off (Ctrl-C, kill, a session's end) never reaches the record and is redone on the next run, so
 * the record adds up only complete checks, and only checks run alike: every check carries the settings
 * it ran with, and a run with other settings or another jar is refused rather than mixed in.
 */
record TrialRecord(List<Check> checks) {
    static final String FILE = "trials.json";
    static final String A_B = "A/B";
    static final String A_A = "A/A";

    TrialRecord {
        checks = List.copyOf(checks);
    }

    /** One case's verdict: a benchmark (its label) and a metric ({@code time} or {@code allocation}). */
    record CaseVerdict(String benchmark, String metric, Verdict verdict) {
        boolean decided() {
            return verdict == Verdict.REGRESSION || verdict == Verdict.NO_CHANGE || verdict == Verdict.IMPROVEMENT;
        }
    }

    /**
     * One finished check: A/B (base vs the slower copy) or A/A (base vs an identical copy), its index in
     * its kind, UTC start and end, the machine's one-minute load average at both ends, and the SHA-256 of
     * the two jars it ran. {@code settings} are what must agree between checks for their tallies to add up.
     */
    record Check(String kind, int index, String startedAt, String finishedAt, double minutes, double loadAtStart, double loadAtEnd,
                 Verdict verdict, boolean injectedFlagged, int pairs, List<CaseVerdict> cases, SortedMap<String, String> settings,
                 String baseSha256, String headSha256) {
        Check {
            cases = List.copyOf(cases);
            settings = new TreeMap<>(settings);
        }

        /** {@code A/B 3}: the check's place in the alternating sequence, for messages and file names. */
        String name() {
            return kind + " " + index;
        }
    }

    static TrialRecord empty() {
        return new TrialRecord(List.of());
    }

    /** The record in {@code out}, or an empty one when there is none yet. */
    static TrialRecord read(Path out) {
        Path file = out.resolve(FILE);
        if (!Files.exists(file)) {
            return empty();
        }
        try {
            return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(file.toFile(), TrialRecord.class);
        } catch (IOException e) {
            throw new BadInputException("the trials' record " + file + " cannot be read (" + JmhResults.oneLine(e)
                    + "): move it aside to start a new record, or give another --out");
        }
    }

    /** This record with {@code check} added, written whole before it is returned. */
    TrialRecord append(Path out, Check check) {
        List<Check> all = new ArrayList<>(checks);
        all.add(check);
        TrialRecord next = new TrialRecord(all);
        CheckOutputs.write(out.resolve(FILE), CheckOutputs.toJson(next), "the trials' record");
        return next;
    }

    boolean has(String kind, int index) {
        return checks.stream().anyMatch(c -> c.kind().equals(kind) && c.index() == index);
    }

    List<Check> of(String kind) {
        return checks.stream().filter(c -> c.kind().equals(kind)).toList();
    }

    /**
     * Fails, naming the first setting that differs, unless every check of this record ran with
     * {@code settings}: a record adds up only checks run alike.
     */
    void requireSettings(Path out, SortedMap<String, String> settings) {
        String file = out.resolve(FILE).toString();
        for (Check c : checks) {
            String jar = c.settings().get(JAR_SETTING);
            if (jar == null) {
                throw new BadInputException("the record " + file + " names its jar by the file's SHA-256 (made before CompareTrials named it"
                        + " by its contents), so no jar can continue it: give another --out to start a new record");
            }
            if (!jar.equals(settings.get(JAR_SETTING))) {
                throw new BadInputException("--jar holds contents with SHA-256 " + settings.get(JAR_SETTING) + " but the record " + file
                        + " was made from a jar with " + jar + ": a record adds up only checks of one build; give that jar, or one rebuilt"
                        + " by the same JDK from its commit (" + shown(c.settings().get(COMMIT_SETTING)) + "), to continue it, or another --out"
                        + " to start a new record");
            }
            for (String key : union(settings, c.settings())) {
                String now = settings.get(key);
                String then = c.settings().get(key);
                if (now == null ? then == null : now.equals(then)) {
                    continue;
                }
                throw new BadInputException(key + " is " + shown(now) + " but the record " + file + " was made with " + shown(then)
                        + " (check " + c.name() + "): a record adds up only checks run alike; " + fix(key, then)
                        + " to continue it, or give another --out to start a new record");
            }
        }
    }

    /** The setting under which the source jar's {@link #contentSha256 contents' SHA-256} is kept. */
    static final String JAR_SETTING = "--jar (contents' SHA-256)";

    /** The setting under which the commit the jar was built from is kept (its build properties; "unknown commit" without). */
    static final String COMMIT_SETTING = "--jar (commit)";

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, String> all = new TreeMap<>(a);
        b.forEach(all::putIfAbsent);
        return List.copyOf(all.keySet());
    }

    /** How to run as the record did: the option's value, a flag given or left out, or a setting that is not an option. */
    private static String fix(String key, String then) {
        if (!key.startsWith("--")) {
            return "run with the " + key + " of the record (" + shown(then) + ")";
        }
        if ("false".equals(then) || then == null || then.isEmpty()) {
            return "leave " + key + " out";
        }
        if ("true".equals(then)) {
            return "give " + key;
        }
        return "give " + key + " " + shown(then);
    }

    private static String shown(String value) {
        return value == null ? "(not set)" : value.isEmpty() ? "\"\"" : value;
    }

    /**
     * The SHA-256 of what a jar holds rather than of its file: every entry's name and bytes, in name order,
     * with the build time left out of the build's own properties. Two builds of one commit by one JDK hold
     * the same (their files differ in the zip's timestamps and the build time), so a record whose copy of
     * the jar is lost continues with a jar rebuilt from the commit its checks name.
     */
    static String contentSha256(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<? extends ZipEntry> entries = zip.stream().filter(e -> !e.isDirectory()).sorted(Comparator.comparing(ZipEntry::getName)).toList();
            for (ZipEntry e : entries) {
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                if (e.getName().equals(Environment.BUILD_PROPERTIES)) {
                    bytes = new String(bytes, StandardCharsets.ISO_8859_1).lines().filter(line -> !line.startsWith("build.time="))
                            .collect(Collectors.joining("\n")).getBytes(StandardCharsets.ISO_8859_1);
                }
                digest.update((e.getName() + "\0" + bytes.length + "\0").getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new BadInputException(jar + " cannot be read as a jar (" + JmhResults.oneLine(e) + "): give a readable benchmarks.jar", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** The SHA-256 of a file, in lower-case hex. */
    static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new BadInputException(file + " cannot be read (" + JmhResults.oneLine(e) + "): give a readable benchmarks.jar", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
