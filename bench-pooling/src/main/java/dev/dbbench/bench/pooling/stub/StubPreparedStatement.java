package dev.dbbench.bench.pooling.stub;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A prepared statement that accepts the parameters the guide's operations bind and ignores them. */
final class StubPreparedStatement extends UnsupportedPreparedStatement {

    StubPreparedStatement(StubConnection connection) {
        super(connection);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return query();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return update();
    }

    @Override
    public boolean execute() throws SQLException {
        query();
        return true;
    }

    @Override
    public void clearParameters() throws SQLException {
        open();
    }

    @Override
    public void setString(int index, String value) throws SQLException {
        open();
    }

    @Override
    public void setLong(int index, long value) throws SQLException {
        open();
    }

    @Override
    public void setInt(int index, int value) throws SQLException {
        open();
    }

    @Override
    public void setBoolean(int index, boolean value) throws SQLException {
        open();
    }

    @Override
    public void setObject(int index, Object value) throws SQLException {
        open();
    }

    @Override
    public void setNull(int index, int sqlType) throws SQLException {
        open();
    }
}
