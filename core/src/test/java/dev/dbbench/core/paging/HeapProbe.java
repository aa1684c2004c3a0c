package dev.dbbench.core.paging;

import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Databases;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.index.GuideUser;
import dev.dbbench.core.provision.PgEndpoint;
import java.util.List;

/**
 * Reads every row of {@code users} in a JVM of its own, started by {@link PostgresSmallHeapTest}
 * with a small heap. Argument: {@code stream} or {@code loadAll}. The database comes from the
 * environment variables {@code PROBE_PG_URL}, {@code PROBE_PG_USER} and {@code PROBE_PG_PASSWORD}
 * (not arguments, which other users of the machine can see).
 *
 * <p>Prints one line, {@code read rows=<n>} or {@code failed <message>}, and exits 0 when every
 * row was read, 3 when the database read failed, 4 when the heap ran out outside the driver.
 */
public final class HeapProbe {
    static final String QUERY = "SELECT " + GuideUser.COLUMNS + " FROM users ORDER BY id";

    private HeapProbe() {}

    public static void main(String[] args) {
        PgEndpoint endpoint = new PgEndpoint(System.getenv("PROBE_PG_URL"), System.getenv("PROBE_PG_USER"), System.getenv("PROBE_PG_PASSWORD"));
        RowMapper<GuideUser> users = rs -> GuideUser.read(rs, Dialect.POSTGRES);
        try (Database db = Databases.postgres(endpoint)) {
            long rows;
            if (args[0].equals("stream")) {
                long[] seen = {0};
                // The consumer keeps nothing: only the chunk in hand and the driver's fetch are alive.
                rows = RowStreams.stream(db, QUERY, List.of(), StreamOptions.guide(), users, chunk -> seen[0] += chunk.size());
            } else {
                rows = RowStreams.loadAll(db, QUERY, List.of(), users).size();
            }
            System.out.println("read rows=" + rows);
        } catch (DatabaseException e) {
            System.out.println("failed " + e.getMessage());
            System.exit(3);
        } catch (OutOfMemoryError e) {
            System.out.println("failed " + e);
            System.exit(4);
        }
    }
}
