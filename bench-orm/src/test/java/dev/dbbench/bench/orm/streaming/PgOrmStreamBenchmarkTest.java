package dev.dbbench.bench.orm.streaming;

class PgOrmStreamBenchmarkTest extends StreamVariantsContract {
    @Override
    OrmStreamRead benchmark() {
        return new PgOrmStreamBenchmark();
    }
}
