package dev.dbbench.bench.pooling.stub;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;

/** A statement whose every query returns one row and every update changes one row. */
class StubStatement extends UnsupportedStatement {
    private final StubConnection connection;
    private ResultSet current;
    private int updateCount = -1;
    private int queryTimeout;
    private int fetchSize;
    private int maxRows;
    private boolean poolable;
    private boolean closeOnCompletion;
    private boolean closed;

    StubStatement(StubConnection connection) {
        this.connection = connection;
    }

    final void open() throws SQLException {
        if (closed) {
            throw new SQLException("stub statement is closed", "HY010");
        }
    }

    final ResultSet query() throws SQLException {
        open();
        connection.counters().executions.increment();
        current = new StubResultSet(this);
        updateCount = -1;
        return current;
    }

    final int update() throws SQLException {
        open();
        connection.counters().executions.increment();
        current = null;
        updateCount = 1;
        return updateCount;
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        return query();
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return update();
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        query();
        return true;
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        open();
        return current;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        open();
        return updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        open();
        current = null;
        updateCount = -1;
        return false;
    }

    @Override
    public Connection getConnection() throws SQLException {
        open();
        return connection;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        open();
        queryTimeout = seconds;
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        open();
        return queryTimeout;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        open();
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        open();
        return fetchSize;
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        open();
        maxRows = max;
    }

    @Override
    public int getMaxRows() throws SQLException {
        open();
        return maxRows;
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        open();
        this.poolable = poolable;
    }

    @Override
    public boolean isPoolable() throws SQLException {
        open();
        return poolable;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        open();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        open();
        return closeOnCompletion;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        open();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        open();
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("stub statement does not wrap " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
