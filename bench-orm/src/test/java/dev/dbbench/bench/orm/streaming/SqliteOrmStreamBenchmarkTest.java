package dev.dbbench.bench.orm.streaming;

class SqliteOrmStreamBenchmarkTest extends StreamVariantsContract {
    @Override
    OrmStreamRead benchmark() {
        return new SqliteOrmStreamBenchmark();
    }
}
