package dev.dbbench.bench.pooling.stub;

/**
 * Every method of {@code java.sql.PreparedStatement} that the stub driver does not answer: each throws, naming
 * itself, so a pool or benchmark that calls something unexpected fails loudly instead of measuring nothing.
 */
@SuppressWarnings({"deprecation", "unused"})
abstract class UnsupportedPreparedStatement extends StubStatement implements java.sql.PreparedStatement {
    UnsupportedPreparedStatement(StubConnection connection) {
        super(connection);
    }

    @Override
    public void addBatch() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.addBatch");
    }

    @Override
    public void clearParameters() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.clearParameters");
    }

    @Override
    public boolean execute() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.execute");
    }

    @Override
    public java.sql.ResultSet executeQuery() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.executeQuery");
    }

    @Override
    public int executeUpdate() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.executeUpdate");
    }

    @Override
    public java.sql.ResultSetMetaData getMetaData() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.getMetaData");
    }

    @Override
    public java.sql.ParameterMetaData getParameterMetaData() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.getParameterMetaData");
    }

    @Override
    public void setArray(int p0, java.sql.Array p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setArray");
    }

    @Override
    public void setAsciiStream(int p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setAsciiStream");
    }

    @Override
    public void setAsciiStream(int p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setAsciiStream");
    }

    @Override
    public void setAsciiStream(int p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setAsciiStream");
    }

    @Override
    public void setBigDecimal(int p0, java.math.BigDecimal p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setBigDecimal");
    }

    @Override
    public void setBinaryStream(int p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setBinaryStream");
    }

    @Override
    public void setBinaryStream(int p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setBinaryStream");
    }

    @Override
    public void setBinaryStream(int p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setBinaryStream");
    }

    @Override
    public void setBlob(int p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setBlob");
    }

    @Override
    public void setBlob(int p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setBlob");
    }

    @Override
    public void setBlob(int p0, java.sql.Blob p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setBlob");
    }

    @Override
    public void setBoolean(int p0, boolean p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setBoolean");
    }

    @Override
    public void setByte(int p0, byte p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setByte");
    }

    @Override
    public void setBytes(int p0, byte[] p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setBytes");
    }

    @Override
    public void setCharacterStream(int p0, java.io.Reader p1, int p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setCharacterStream");
    }

    @Override
    public void setCharacterStream(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setCharacterStream");
    }

    @Override
    public void setCharacterStream(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setCharacterStream");
    }

    @Override
    public void setClob(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setClob");
    }

    @Override
    public void setClob(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setClob");
    }

    @Override
    public void setClob(int p0, java.sql.Clob p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setClob");
    }

    @Override
    public void setDate(int p0, java.sql.Date p1, java.util.Calendar p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setDate");
    }

    @Override
    public void setDate(int p0, java.sql.Date p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setDate");
    }

    @Override
    public void setDouble(int p0, double p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setDouble");
    }

    @Override
    public void setFloat(int p0, float p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setFloat");
    }

    @Override
    public void setInt(int p0, int p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setInt");
    }

    @Override
    public void setLong(int p0, long p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setLong");
    }

    @Override
    public void setNCharacterStream(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setNCharacterStream");
    }

    @Override
    public void setNCharacterStream(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setNCharacterStream");
    }

    @Override
    public void setNClob(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setNClob");
    }

    @Override
    public void setNClob(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setNClob");
    }

    @Override
    public void setNClob(int p0, java.sql.NClob p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setNClob");
    }

    @Override
    public void setNString(int p0, java.lang.String p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setNString");
    }

    @Override
    public void setNull(int p0, int p1, java.lang.String p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setNull");
    }

    @Override
    public void setNull(int p0, int p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setNull");
    }

    @Override
    public void setObject(int p0, java.lang.Object p1, int p2, int p3) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setObject");
    }

    @Override
    public void setObject(int p0, java.lang.Object p1, int p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setObject");
    }

    @Override
    public void setObject(int p0, java.lang.Object p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setObject");
    }

    @Override
    public void setRef(int p0, java.sql.Ref p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setRef");
    }

    @Override
    public void setRowId(int p0, java.sql.RowId p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setRowId");
    }

    @Override
    public void setSQLXML(int p0, java.sql.SQLXML p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setSQLXML");
    }

    @Override
    public void setShort(int p0, short p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setShort");
    }

    @Override
    public void setString(int p0, java.lang.String p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setString");
    }

    @Override
    public void setTime(int p0, java.sql.Time p1, java.util.Calendar p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setTime");
    }

    @Override
    public void setTime(int p0, java.sql.Time p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setTime");
    }

    @Override
    public void setTimestamp(int p0, java.sql.Timestamp p1, java.util.Calendar p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setTimestamp");
    }

    @Override
    public void setTimestamp(int p0, java.sql.Timestamp p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setTimestamp");
    }

    @Override
    public void setURL(int p0, java.net.URL p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setURL");
    }

    @Override
    public void setUnicodeStream(int p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("stub driver: PreparedStatement.setUnicodeStream");
    }
}
