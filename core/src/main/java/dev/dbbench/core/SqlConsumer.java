package dev.dbbench.core;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a connection that returns nothing. */
@FunctionalInterface
public interface SqlConsumer {
    void accept(Connection connection) throws SQLException;
}
