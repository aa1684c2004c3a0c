package dev.dbbench.bench.sqlite.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** get returns exactly what set writes, for every value size the two benchmarks use. */
class SqliteKvBenchmarkTest {

    @ParameterizedTest
    @ValueSource(ints = {100, 1_000_000})
    void getReturnsWhatSetWrote(int payloadChars) {
        SqliteKvSetBenchmark bench = new SqliteKvSetBenchmark();
        bench.payloadChars = payloadChars;
        bench.openStore();
        try {
            assertEquals(bench.value(0), bench.read());
            bench.set();
            bench.set();
            assertEquals(2, bench.version(), "every set writes a new version, so every commit has a changed row");
            assertEquals(bench.value(2), bench.read());
            assertEquals(payloadChars, ((String) bench.read().get("payload")).length());
        } finally {
            bench.removeFile();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 1_000_000})
    void getReadsTheValueSetBeforeTheTrial(int payloadChars) {
        SqliteKvBenchmark bench = new SqliteKvBenchmark();
        bench.payloadChars = payloadChars;
        bench.openStore();
        try {
            assertEquals(bench.value(0), bench.get());
            assertEquals(bench.get(), bench.get(), "a get changes nothing");
            assertEquals(0, bench.version());
        } finally {
            bench.removeFile();
        }
    }
}
