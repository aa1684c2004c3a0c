package dev.dbbench.report;

import dev.dbbench.results.Failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table at the end of a run, and the one number format it shares with the report and the history. */
class SummaryTableTest {
    @Test
    void summaryListsScoresAndFailures() {
        String table = SummaryTable.render(List.of(),
                List.of(new Failure("dev.dbbench.bench.sqlite.X.y", "avgt", Map.of("rows", "10"), "the benchmark threw boom", List.of())));
        assertTrue(table.contains("(no results)"), table);
        assertTrue(table.contains("1 failure:\n  FAILED sqlite.X.y avgt rows=10: the benchmark threw boom"), table);
    }

    @Test
    void numbersHaveFourSignificantDigitsAndNoLocale() {
        assertEquals("n/a", Format.number(Double.NaN));
        assertEquals("1.235", Format.number(1.23456));
        assertEquals("12346", Format.number(12345.6));
        assertEquals("1.235e-04", Format.number(1.23456e-4));
    }
}
