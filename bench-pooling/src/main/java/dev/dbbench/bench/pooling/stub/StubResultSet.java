package dev.dbbench.bench.pooling.stub;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/** One row whose every number is 1, every text "stub" and every boolean true. */
final class StubResultSet extends UnsupportedResultSet {
    static final long NUMBER = 1;
    static final String TEXT = "stub";

    private final StubStatement statement;
    private int row;
    private boolean closed;

    StubResultSet(StubStatement statement) {
        this.statement = statement;
    }

    private void onRow() throws SQLException {
        if (closed) {
            throw new SQLException("stub result set is closed", "HY010");
        }
        if (row != 1) {
            throw new SQLException("stub result set is not on its row", "24000");
        }
    }

    @Override
    public boolean next() throws SQLException {
        if (closed) {
            throw new SQLException("stub result set is closed", "HY010");
        }
        row++;
        return row == 1;
    }

    @Override
    public int getInt(int column) throws SQLException {
        onRow();
        return (int) NUMBER;
    }

    @Override
    public int getInt(String column) throws SQLException {
        onRow();
        return (int) NUMBER;
    }

    @Override
    public long getLong(int column) throws SQLException {
        onRow();
        return NUMBER;
    }

    @Override
    public long getLong(String column) throws SQLException {
        onRow();
        return NUMBER;
    }

    @Override
    public String getString(int column) throws SQLException {
        onRow();
        return TEXT;
    }

    @Override
    public String getString(String column) throws SQLException {
        onRow();
        return TEXT;
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        onRow();
        return true;
    }

    @Override
    public boolean getBoolean(String column) throws SQLException {
        onRow();
        return true;
    }

    @Override
    public boolean wasNull() throws SQLException {
        onRow();
        return false;
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {
        // A stub result set never has warnings to clear.
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
        throw new SQLException("stub result set does not wrap " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
