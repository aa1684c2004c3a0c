package dev.dbbench.core;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a connection, which may fail with the driver's checked exception. */
@FunctionalInterface
public interface SqlFunction<T> {
    T apply(Connection connection) throws SQLException;
}
