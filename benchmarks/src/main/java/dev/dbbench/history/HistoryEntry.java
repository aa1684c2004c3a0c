package dev.dbbench.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of {@code results/history.jsonl}: a run, when it started, the commit its jar was built
 * from, its profile and the environment facts that decide whether two runs' numbers may share one
 * trend line.
 *
 * @param run the run folder, relative to the results directory (e.g. {@code 2026-12-03T101500Z} or {@code curated/...})
 * @param time ISO-8601 UTC start of the run
 * @param commit the full commit id, or null when unknown
 * @param dirty whether the jar was built from a tree with uncommitted changes; null when unknown
 * @param environment the fingerprint fields ({@link #FINGERPRINT}) the run recorded, by their environment.json path
 */
public record HistoryEntry(String run, String time, String commit, Boolean dirty, String profile, Map<String, String> environment) {
    /** What must match for two runs to share a trend line: CPU, JDK, OS, database versions and durability. */
    public static final List<String> FINGERPRINT = List.of(
            "machine.cpu_model", "machine.cpus", "os.name", "os.arch", "jdk.vendor", "jdk.version",
            "sqlite.sqlite_version", "sqlite.journal_mode", "sqlite.synchronous",
            "postgres.source", "postgres.server_version", "postgres.fsync", "postgres.synchronous_commit");

    public HistoryEntry {
        Objects.requireNonNull(run, "run");
        // In FINGERPRINT order, so every page and line lists the fields alike.
        Map<String, String> given = environment;
        Map<String, String> ordered = new LinkedHashMap<>();
        FINGERPRINT.stream().filter(given::containsKey).forEach(k -> ordered.put(k, given.get(k)));
        environment = java.util.Collections.unmodifiableMap(ordered);
    }

    /** Built from a run folder's flattened environment.json (as the report reads it). */
    public static HistoryEntry of(String run, Map<String, String> flatEnvironment) {
        Map<String, String> fingerprint = new LinkedHashMap<>();
        for (String field : FINGERPRINT) {
            String value = flatEnvironment.get(field);
            if (value != null && !value.isBlank()) {
                fingerprint.put(field, value);
            }
        }
        if (!"true".equals(flatEnvironment.get("postgres.used"))) {
            // A run without PostgreSQL says nothing about the server: those fields stay unknown, not different.
            fingerprint.keySet().removeIf(k -> k.startsWith("postgres."));
        }
        String dirty = flatEnvironment.get("git_dirty");
        return new HistoryEntry(run, flatEnvironment.getOrDefault("run.started_at", ""), flatEnvironment.get("git_commit"),
                dirty == null ? null : Boolean.valueOf(dirty), flatEnvironment.getOrDefault("run.profile", "unknown"), fingerprint);
    }

    /** The commit as a short label: 7 characters, {@code *} when dirty, {@code ?} when unknown. */
    public String commitLabel() {
        if (commit == null || commit.isBlank()) {
            return "?";
        }
        return commit.substring(0, Math.min(7, commit.length())) + (Boolean.TRUE.equals(dirty) ? "*" : "");
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("run", run);
        node.put("time", time);
        node.put("commit", commit);
        if (dirty != null) {
            node.put("dirty", dirty);
        }
        node.put("profile", profile);
        ObjectNode env = node.putObject("environment");
        FINGERPRINT.stream().filter(environment::containsKey).forEach(k -> env.put(k, environment.get(k)));
        return node;
    }

    static HistoryEntry fromJson(JsonNode node) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("environment").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            env.put(e.getKey(), e.getValue().asText());
        }
        JsonNode commit = node.get("commit");
        JsonNode dirty = node.get("dirty");
        String run = node.path("run").asText("");
        if (run.isBlank()) {
            throw new IllegalArgumentException("\"run\" is missing");
        }
        return new HistoryEntry(run, node.path("time").asText(""), commit == null || commit.isNull() ? null : commit.asText(),
                dirty == null || dirty.isNull() ? null : dirty.asBoolean(), node.path("profile").asText("unknown"), env);
    }
}
