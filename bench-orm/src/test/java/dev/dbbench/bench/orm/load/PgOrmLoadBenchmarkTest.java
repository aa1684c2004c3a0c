package dev.dbbench.bench.orm.load;

class PgOrmLoadBenchmarkTest extends LoadVariantsContract {
    @Override
    OrmUserOrdersLoad benchmark() {
        return new PgOrmLoadBenchmark();
    }
}
