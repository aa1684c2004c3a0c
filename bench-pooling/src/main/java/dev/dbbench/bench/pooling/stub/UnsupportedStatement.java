package dev.dbbench.bench.pooling.stub;

/**
 * Every method of {@code java.sql.Statement} that the stub driver does not answer: each throws, naming
 * itself, so a pool or benchmark that calls something unexpected fails loudly instead of measuring nothing.
 */
@SuppressWarnings({"deprecation", "unused"})
abstract class UnsupportedStatement implements java.sql.Statement {
    @Override
    public void addBatch(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.addBatch");
    }

    @Override
    public void cancel() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.cancel");
    }

    @Override
    public void clearBatch() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.clearBatch");
    }

    @Override
    public void clearWarnings() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.clearWarnings");
    }

    @Override
    public void close() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.close");
    }

    @Override
    public void closeOnCompletion() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.closeOnCompletion");
    }

    @Override
    public boolean execute(java.lang.String p0, int[] p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.execute");
    }

    @Override
    public boolean execute(java.lang.String p0, java.lang.String[] p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.execute");
    }

    @Override
    public boolean execute(java.lang.String p0, int p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.execute");
    }

    @Override
    public boolean execute(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.execute");
    }

    @Override
    public int[] executeBatch() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.executeBatch");
    }

    @Override
    public java.sql.ResultSet executeQuery(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.executeQuery");
    }

    @Override
    public int executeUpdate(java.lang.String p0, int[] p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.executeUpdate");
    }

    @Override
    public int executeUpdate(java.lang.String p0, java.lang.String[] p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.executeUpdate");
    }

    @Override
    public int executeUpdate(java.lang.String p0, int p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.executeUpdate");
    }

    @Override
    public int executeUpdate(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.executeUpdate");
    }

    @Override
    public java.sql.Connection getConnection() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.getConnection");
    }

    @Override
    public int getFetchDirection() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.getFetchDirection");
    }

    @Override
    public int getFetchSize() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.getFetchSize");
    }

    @Override
    public java.sql.ResultSet getGeneratedKeys() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.getGeneratedKeys");
    }

    @Override
    public int getMaxFieldSize() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.getMaxFieldSize");
    }

    @Override
    public int getMaxRows() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.getMaxRows");
    }

    @Override
    public boolean getMoreResults() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.getMoreResults");
    }

    @Override
    public boolean getMoreResults(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.getMoreResults");
    }

    @Override
    public int getQueryTimeout() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.getQueryTimeout");
    }

    @Override
    public java.sql.ResultSet getResultSet() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.getResultSet");
    }

    @Override
    public int getResultSetConcurrency() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.getResultSetConcurrency");
    }

    @Override
    public int getResultSetHoldability() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.getResultSetHoldability");
    }

    @Override
    public int getResultSetType() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.getResultSetType");
    }

    @Override
    public int getUpdateCount() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.getUpdateCount");
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.getWarnings");
    }

    @Override
    public boolean isCloseOnCompletion() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.isCloseOnCompletion");
    }

    @Override
    public boolean isClosed() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.isClosed");
    }

    @Override
    public boolean isPoolable() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.isPoolable");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.isWrapperFor");
    }

    @Override
    public void setCursorName(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.setCursorName");
    }

    @Override
    public void setEscapeProcessing(boolean p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.setEscapeProcessing");
    }

    @Override
    public void setFetchDirection(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.setFetchDirection");
    }

    @Override
    public void setFetchSize(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.setFetchSize");
    }

    @Override
    public void setMaxFieldSize(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.setMaxFieldSize");
    }

    @Override
    public void setMaxRows(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.setMaxRows");
    }

    @Override
    public void setPoolable(boolean p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.setPoolable");
    }

    @Override
    public void setQueryTimeout(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.setQueryTimeout");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: Statement.unwrap");
    }
}
