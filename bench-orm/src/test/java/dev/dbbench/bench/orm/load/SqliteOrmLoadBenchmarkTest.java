package dev.dbbench.bench.orm.load;

class SqliteOrmLoadBenchmarkTest extends LoadVariantsContract {
    @Override
    OrmUserOrdersLoad benchmark() {
        return new SqliteOrmLoadBenchmark();
    }
}
