package dev.dbbench.bench.pooling;

import dev.dbbench.core.Dialect;
import dev.dbbench.core.orm.User;
import dev.dbbench.core.orm.UserRepository;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One benchmark thread's identity: the emails it registers are unique across threads (its index in
 * the name) and across calls (a counter), without a shared counter that threads would contend on.
 */
public final class Caller {
    private final UserRepository users;
    private final String prefix;
    private long next;

    public Caller(Dialect dialect, int threadIndex) {
        this.users = new UserRepository(dialect);
        this.prefix = "caller" + threadIndex + "-";
    }

    /** The guide's transaction body: register a user and read it back by id. */
    public User registerAndReadBack(Connection c) throws SQLException {
        long n = next++;
        User created = users.create(c, prefix + n + "@example.com", "User " + n);
        return users.findById(c, created.id()).orElseThrow(() -> new SQLException("user " + created.id() + " vanished inside its own transaction"));
    }
}
