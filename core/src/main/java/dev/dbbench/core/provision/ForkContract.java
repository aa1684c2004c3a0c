package dev.dbbench.core.provision;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything a launcher hands to the processes it starts (JMH forks), in one record used by both
 * sides: the launcher writes it with {@link #toProperties()} (as {@code -D} options, see the
 * launcher's fork handoff), a fork reads it with {@link #fromSystemProperties()} and nothing else.
 * A fork therefore neither re-reads the command line's precedence rules nor provisions anything of
 * its own: the server, the folders and the scale are the launcher's. Outside a launcher (a test, a
 * bare JMH run) every part is empty and the scale is full: the process provisions for itself.
 *
 * <p>Who writes and who reads each field ({@code cli} is the launcher's package in the
 * {@code benchmarks} module):
 * <table>
 * <caption>The fields, their writers and their readers</caption>
 * <tr><th>field</th><th>property</th><th>written by</th><th>read by</th></tr>
 * <tr><td>{@code postgres}</td><td>{@link PgHandoff}'s: {@code dbbench.pg.handoff}, {@code .url}, {@code .user},
 *     {@code .passwordFile}</td>
 *     <td>{@code cli.ForkHandoff} (the run's server); {@code cli.PgRoundTrips}, per {@code --pg-rtt} pass,
 *     {@link #withPostgres(PgHandoff) withPostgres} naming the relay's address instead</td>
 *     <td>{@link SharedPostgres#get()} in the fork</td></tr>
 * <tr><td>{@code sqliteFolder}</td><td>{@value SqliteDirectory#DIR_PROPERTY}</td><td>{@code cli.ForkHandoff}</td>
 *     <td>{@link SqliteDirectory#create()} in the fork</td></tr>
 * <tr><td>{@code fixtureFolder}</td><td>{@value #FIXTURE_DIR_PROPERTY}</td><td>{@code cli.ForkHandoff}</td>
 *     <td>{@code bench.database.Fixtures.shared()} in the fork</td></tr>
 * <tr><td>{@code fixtureRun}</td><td>{@value #FIXTURE_RUN_PROPERTY}</td><td>{@code cli.ForkHandoff} ({@link #newFixtureRun()})</td>
 *     <td>{@code bench.database.Fixtures.shared()} in the fork; {@code cli.ForkHandoff} again at the end, to drop the templates</td></tr>
 * <tr><td>{@code durable}</td><td>{@value #DURABLE_PROPERTY}</td><td>{@code cli.ForkHandoff}, when it started a server</td>
 *     <td>no code yet: it is there for a fork's own record of its server</td></tr>
 * <tr><td>{@code scale}</td><td>{@value #SCALE_PROPERTY}</td><td>{@code cli.ForkHandoff} (the profile's choice)</td>
 *     <td>{@link Scale#current()} in the fork's benchmarks</td></tr>
 * </table>
 * With {@code -f 0} the launcher sets the same properties in its own JVM, where the benchmarks read
 * them the same way.
 *
 * @param postgres      the launcher's PostgreSQL server (URL, login, password file), or the relay in front of it
 *                      in a {@code --pg-rtt} pass; empty when none was needed
 * @param sqliteFolder  the run's SQLite folder, in which each trial makes a directory of its own
 * @param fixtureFolder where SQLite fixtures built once per run are kept, for every fork to copy
 * @param fixtureRun    names this run's PostgreSQL fixture templates ({@code fx_<run>_...}), so a fork finds the
 *                      templates another fork built and the launcher drops them at the end
 * @param durable       whether the launcher started its server durable (fsync, synchronous_commit); empty when it
 *                      did not start one, for a fork's own record
 * @param scale         the table sizes (smoke: scaled down)
 */
public record ForkContract(Optional<PgHandoff> postgres, Optional<Path> sqliteFolder, Optional<Path> fixtureFolder,
        Optional<String> fixtureRun, Optional<Boolean> durable, Scale scale) {
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String FIXTURE_DIR_PROPERTY = "dbbench.fixture.dir";
    public static final String FIXTURE_RUN_PROPERTY = "dbbench.fixture.run";
    public static final String SCALE_PROPERTY = "dbbench.scale";
    /** Only the launcher sets it: the user's own {@code -Ddbbench.pg.durable} is a provisioning setting, read there. */
    public static final String DURABLE_PROPERTY = "dbbench.fork.pgDurable";

    public ForkContract {
        postgres = postgres == null ? Optional.empty() : postgres;
        sqliteFolder = sqliteFolder == null ? Optional.empty() : sqliteFolder;
        fixtureFolder = fixtureFolder == null ? Optional.empty() : fixtureFolder;
        fixtureRun = fixtureRun == null ? Optional.empty() : fixtureRun;
        durable = durable == null ? Optional.empty() : durable;
        scale = scale == null ? Scale.FULL : scale;
        fixtureRun.ifPresent(r -> {
            // It becomes part of database names: identifiers cannot be bind parameters.
            if (!r.matches("[a-z0-9]{1,12}")) {
                throw new IllegalArgumentException("fixture run \"" + r + "\" must be 1 to 12 of [a-z0-9]");
            }
        });
    }

    /** Nothing handed over: a process on its own. */
    public static ForkContract none() {
        return new ForkContract(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Scale.FULL);
    }

    /** A fresh name for a run's fixtures, {@code [a-z0-9]}: part of its template databases' names. */
    public static String newFixtureRun() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The prefix of every fixture template of run {@code run}: what the launcher drops at the end. */
    public static String templatePrefix(String run) {
        return "fx_" + run + "_";
    }

    /**
     * The same contract with the forks pointed at {@code server}: a {@code --pg-rtt} pass hands its
     * forks the relay's address (same login, same password file) and everything else unchanged.
     */
    public ForkContract withPostgres(PgHandoff server) {
        return new ForkContract(Optional.of(server), sqliteFolder, fixtureFolder, fixtureRun, durable, scale);
    }

    public ForkContract withScale(Scale s) {
        return new ForkContract(postgres, sqliteFolder, fixtureFolder, fixtureRun, durable, s);
    }

    /** The properties a fork is started with; never the password itself. */
    public Map<String, String> toProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        postgres.ifPresent(p -> props.putAll(p.toProperties()));
        sqliteFolder.ifPresent(p -> props.put(SqliteDirectory.DIR_PROPERTY, p.toString()));
        fixtureFolder.ifPresent(p -> props.put(FIXTURE_DIR_PROPERTY, p.toString()));
        fixtureRun.ifPresent(r -> props.put(FIXTURE_RUN_PROPERTY, r));
        durable.ifPresent(d -> props.put(DURABLE_PROPERTY, d.toString()));
        props.put(SCALE_PROPERTY, scale.label());
        return props;
    }

    /** What this process was handed, read from its system properties. */
    public static ForkContract fromSystemProperties() {
        return fromProperties(System.getProperties());
    }

    /**
     * Reads the record back from {@code properties}. A malformed value is the launcher's bug or a
     * person's hand-made {@code -D}; it fails with one line naming the property.
     */
    public static ForkContract fromProperties(Properties properties) {
        String scale = properties.getProperty(SCALE_PROPERTY);
        String durable = properties.getProperty(DURABLE_PROPERTY);
        if (durable != null && !durable.equals("true") && !durable.equals("false")) {
            throw new IllegalArgumentException("-D" + DURABLE_PROPERTY + " must be true or false, was \"" + durable + "\": it is the launcher's, leave it unset");
        }
        return new ForkContract(PgHandoff.fromProperties(properties), path(properties, SqliteDirectory.DIR_PROPERTY),
                path(properties, FIXTURE_DIR_PROPERTY), Optional.ofNullable(properties.getProperty(FIXTURE_RUN_PROPERTY)).filter(s -> !s.isEmpty()),
                Optional.ofNullable(durable).map(Boolean::parseBoolean),
                scale == null || scale.isBlank() ? Scale.FULL : Scale.parse(scale, "-D" + SCALE_PROPERTY));
    }

    private static Optional<Path> path(Properties properties, String name) {
        return Optional.ofNullable(properties.getProperty(name)).filter(s -> !s.isEmpty()).map(Path::of);
    }
}
