package dev.dbbench.bench.pooling;

import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.pool.ConnectionPool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What a caller does with a borrowed connection, from nothing to the guide's small transaction. */
public enum Operation {
    /** Borrow and return: the pool's (or the connect's) cost alone. */
    BORROW {
        @Override
        public Object run(ConnectionPool pool, Caller caller) {
            Connection c = pool.borrow();
            try {
                c.close();
            } catch (SQLException e) {
                throw DatabaseException.of("[" + pool.kind().label() + "] return connection", e);
            }
            return c;
        }
    },
    /** Borrow, {@code SELECT 1}, return: the smallest round trip a request makes. */
    SELECT_1 {
        @Override
        public Object run(ConnectionPool pool, Caller caller) {
            return pool.withConnection(Operation::selectOne);
        }
    },
    /**
     * Borrow, then the guide's {@code get_pooled_connection()} block: insert a user, read it back,
     * commit; return.
     */
    TRANSACTION {
        @Override
        public Object run(ConnectionPool pool, Caller caller) {
            return pool.inTransaction(caller::registerAndReadBack);
        }
    };

    /** Runs the operation once; the result is for JMH to consume. */
    public abstract Object run(ConnectionPool pool, Caller caller);

    static int selectOne(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
