package dev.dbbench.core.migrate;

import dev.dbbench.core.Database;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateCountCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CommandExecutionException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Schema migrations with Liquibase, used the way the guide uses Alembic: {@link #upgradeToHead()}
 * ({@code alembic upgrade head}), {@link #upgrade(int)} ({@code upgrade +1}), {@link #downgrade(int)}
 * ({@code downgrade -1}), {@link #current()} and {@link #history()}. The changelog is a class path
 * resource; {@link #DEFAULT_CHANGELOG} holds the guide's revisions.
 *
 * <p>Liquibase runs each changeset in its own transaction and records it in
 * {@code DATABASECHANGELOG} in that transaction, so a revision that fails leaves the database at the
 * revision before it (PostgreSQL and SQLite both roll back DDL). The failure is reported as a
 * {@link MigrationException} naming the revision that failed and the one the database stays at.
 *
 * <p>Liquibase is kept quiet: its java.util.logging output is switched off and its console messages
 * ("Running Changeset ...") are sent to that silenced log, so tests and benchmarks print nothing.
 * Its anonymous usage analytics are switched off too: a library call must not reach the network.
 */
public final class Migrations {
    /** The guide's revisions: 001 users + email index, 002 orders + (user_id, status) index. */
    public static final String DEFAULT_CHANGELOG = "db/changelog/db.changelog-master.xml";

    // Held strongly: java.util.logging keeps only weak references, and a collected logger forgets its level.
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(Level.OFF);
    }

    private final Database db;
    private final String changelog;
    private final ResourceAccessor resources = new ClassLoaderResourceAccessor(Migrations.class.getClassLoader());

    /** Migrations of {@code db} with {@link #DEFAULT_CHANGELOG}. */
    public Migrations(Database db) {
        this(db, DEFAULT_CHANGELOG);
    }

    /** Migrations of {@code db} with the changelog at class path resource {@code changelog}. */
    public Migrations(Database db, String changelog) {
        this.db = Objects.requireNonNull(db, "db");
        this.changelog = Objects.requireNonNull(changelog, "changelog");
    }

    /** Applies every pending revision ({@code alembic upgrade head}). */
    public void upgradeToHead() {
        run("upgrade to head", database -> update(UpdateCommandStep.COMMAND_NAME, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                .execute());
    }

    /** Applies the next {@code steps} pending revisions ({@code alembic upgrade +steps}). */
    public void upgrade(int steps) {
        requirePositive("steps", steps);
        run("upgrade +" + steps, database -> update(UpdateCountCommandStep.COMMAND_NAME, database)
                .addArgumentValue(UpdateCountCommandStep.CHANGELOG_FILE_ARG, changelog)
                .addArgumentValue(UpdateCountCommandStep.COUNT_ARG, steps)
                .execute());
    }

    /**
     * Rolls back the last {@code steps} applied revisions with their rollback blocks
     * ({@code alembic downgrade -steps}). Asking for more than are applied is refused before anything changes.
     */
    public void downgrade(int steps) {
        requirePositive("steps", steps);
        int applied = history().size();
        if (steps > applied) {
            throw new IllegalArgumentException("downgrade steps must be at most the " + applied + " applied revision(s) of "
                    + db.description() + ", was " + steps);
        }
        run("downgrade -" + steps, database -> command(RollbackCountCommandStep.COMMAND_NAME, database)
                // The rollback commands declare their changelog argument on a shared helper step, so it is named here.
                .addArgumentValue("changelogFile", changelog)
                .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, steps)
                .execute());
    }

    /** The last applied revision's id ({@code alembic current}); empty on a database never migrated. */
    public Optional<String> current() {
        List<Migration> applied = history();
        return applied.isEmpty() ? Optional.empty() : Optional.of(applied.get(applied.size() - 1).id());
    }

    /** The applied revisions, oldest first ({@code alembic history}, for what has run). */
    public List<Migration> history() {
        return call("read history", database -> {
            List<RanChangeSet> ran = new ArrayList<>(Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class)
                    .getChangeLogService(database).getRanChangeSets());
            ran.sort(Comparator.comparing(RanChangeSet::getOrderExecuted, Comparator.nullsLast(Comparator.naturalOrder())));
            List<Migration> history = new ArrayList<>();
            for (RanChangeSet r : ran) {
                history.add(new Migration(r.getId(), r.getComments(), r.getDateExecuted().toInstant()));
            }
            return history;
        });
    }

    /** The ids of the revisions not yet applied, in the order they would run. */
    public List<String> pending() {
        return call("list pending revisions", database -> {
            DatabaseChangeLog parsed = ChangeLogParserFactory.getInstance().getParser(changelog, resources)
                    .parse(changelog, new ChangeLogParameters(database), resources);
            List<RanChangeSet> ran = Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class)
                    .getChangeLogService(database).getRanChangeSets();
            List<String> pending = new ArrayList<>();
            for (ChangeSet changeSet : parsed.getChangeSets()) {
                if (ran.stream().noneMatch(r -> r.isSameAs(changeSet))) {
                    pending.add(changeSet.getId());
                }
            }
            return pending;
        });
    }

    /** A command on {@code database} whose report text (the update summary, for one) goes nowhere. */
    private static CommandScope command(String[] name, liquibase.database.Database database) throws CommandExecutionException {
        return new CommandScope(name)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .setOutput(OutputStream.nullOutputStream());
    }

    /** {@link #command} for the update family, whose summary would otherwise also go to the console. */
    private static CommandScope update(String[] name, liquibase.database.Database database) throws CommandExecutionException {
        return command(name, database).addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG);
    }

    private interface LiquibaseWork<T> {
        T apply(liquibase.database.Database database) throws Exception;
    }

    /** Runs a Liquibase command that changes the schema; a failure says where it stopped and where the database stands. */
    private void run(String what, LiquibaseWork<?> work) {
        boolean upgrade = what.startsWith("upgrade");
        int appliedBefore = history().size();
        String from = current().orElse("base");
        try {
            call(work);
        } catch (Exception e) {
            int moved = Math.abs(history().size() - appliedBefore);
            String stays = current().orElse("base");
            // An upgrade stops at the first revision still pending; a downgrade somewhere below where it started.
            String where = upgrade ? "at revision " + pending().stream().findFirst().orElse(from) : "rolling back from revision " + from;
            throw new MigrationException("[migrate] " + what + " of " + db.description() + " failed " + where
                    + " (" + rootMessage(e) + "); the database stays at revision " + stays
                    + (moved == 0 ? "" : " after " + (upgrade ? "applying " : "rolling back ") + moved + " revision(s)")
                    + ". Fix the changeset and run the migration again", sqlState(e), e);
        }
    }

    private <T> T call(String what, LiquibaseWork<T> work) {
        try {
            return call(work);
        } catch (Exception e) {
            throw new MigrationException("[migrate] " + what + " of " + db.description() + " failed (" + rootMessage(e) + ")", sqlState(e), e);
        }
    }

    private <T> T call(LiquibaseWork<T> work) throws Exception {
        try (Connection c = db.open()) {
            liquibase.database.Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(), resources);
            scope.put(Scope.Attr.ui.name(), new LoggerUIService());
            scope.put(AnalyticsArgs.ENABLED.getKey(), false);
            try {
                return Scope.child(scope, () -> work.apply(database));
            } finally {
                // The factory caches a history service per database object; drop it with the connection.
                Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).resetAll();
            }
        }
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    /** The innermost cause's first line: Liquibase's own wrappers repeat it at length. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip().lines().findFirst().orElse("");
        return root instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() + " " + text : text;
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
