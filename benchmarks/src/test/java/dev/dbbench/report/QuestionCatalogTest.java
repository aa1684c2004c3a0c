package dev.dbbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class QuestionCatalogTest {

    @Test
    void readsQuestionBaselineAndClaims() {
        Question q = Fixtures.catalog().find("fixture.insert.InsertBenchmark").orElseThrow();
        assertEquals("How should I insert rows into PostgreSQL?", q.text());
        assertEquals(Optional.empty(), q.variantParam(), "the inline comment after variant=method is ignored");
        assertEquals(Optional.of("perRowCommit"), q.baseline());
        assertEquals(3, q.claims().size());
        Claim two = q.claims().get(1);
        assertEquals(2, two.number());
        assertEquals("Paged multi-row VALUES is \"10x faster than individual INSERTs\"", two.text());
        assertEquals(10, two.factor());
        assertEquals(Map.of("rows", "5000"), q.claims().get(2).where());
        assertEquals(1, q.claims().get(0).factor(), "factor defaults to 1: the guide only says faster");
    }

    @Test
    void variantsCanBeAParameter() {
        Question q = Fixtures.catalog().find("fixture.pool.PoolBenchmark").orElseThrow();
        assertEquals(Optional.of("pool"), q.variantParam());
    }

    @Test
    void classWithoutMetadataGetsATitleFromItsName() {
        Question q = Fixtures.catalog().question("dev.dbbench.bench.sqlite.WalModeBenchmark");
        assertFalse(q.declared());
        assertEquals("Wal mode (sqlite)", q.text());
        assertEquals(Optional.empty(), q.baseline());
    }

    @Test
    void unknownKeyIsNamed() {
        ReportException e = assertThrows(ReportException.class, () -> parse("question=Q?\nbaseLine=x\n"));
        assertEquals("X.properties: unknown key \"baseLine\"; the keys are question, variant, baseline, "
                + "claim.<n>.text|baseline|variant|factor|where|metric|statements|source|section|quote|reading", e.getMessage());
    }

    @Test
    void missingQuestionIsNamed() {
        ReportException e = assertThrows(ReportException.class, () -> parse("baseline=x\n"));
        assertTrue(e.getMessage().startsWith("X.properties: \"question\" is missing"), e.getMessage());
    }

    @Test
    void badVariantIsNamedWithTheFix() {
        ReportException e = assertThrows(ReportException.class, () -> parse("question=Q?\nvariant=params:pool\n"));
        assertEquals("X.properties: variant=params:pool is not understood; use variant=method or "
                + "variant=param:<paramName>", e.getMessage());
    }

    @Test
    void badFactorIsNamed() {
        ReportException e = assertThrows(ReportException.class, () -> parse("""
                question=Q?
                claim.1.text=t
                claim.1.baseline=a
                claim.1.variant=b
                claim.1.factor=2-5
                """));
        assertTrue(e.getMessage().startsWith("X.properties: claim.1.factor=2-5 is not a number >= 1"), e.getMessage());
    }

    @Test
    void claimWithoutVariantIsNamed() {
        ReportException e = assertThrows(ReportException.class, () -> parse("""
                question=Q?
                claim.3.text=t
                claim.3.baseline=a
                """));
        assertEquals("X.properties: claim.3.variant is missing; a claim needs text, baseline and variant", e.getMessage());
    }

    @Test
    void aStatementsClaimNeedsNoBaselineAndReadsTheStatementCounter() {
        Question q = parse("""
                question=Q?
                claim.1.text=joinedload: a single query
                claim.1.variant=joinFetch
                claim.1.statements=1
                """);
        Claim claim = q.claims().get(0);
        assertTrue(claim.countsStatements());
        assertEquals(1, claim.statements());
        assertEquals(Claim.STATEMENTS_METRIC, claim.metric());
        assertEquals("", claim.baseline());
        assertEquals("1 statement", claim.claimedFactor());
        assertEquals("joinFetch (statementsPerOp)", claim.compared());
    }

    @Test
    void badStatementsIsNamed() {
        ReportException e = assertThrows(ReportException.class, () -> parse("""
                question=Q?
                claim.2.text=t
                claim.2.variant=b
                claim.2.statements=two
                """));
        assertTrue(e.getMessage().startsWith("X.properties: claim.2.statements=two is not a whole number >= 0"), e.getMessage());
    }

    @Test
    void malformedWhereIsNamed() {
        ReportException e = assertThrows(ReportException.class, () -> parse("""
                question=Q?
                claim.1.text=t
                claim.1.baseline=a
                claim.1.variant=b
                claim.1.where=rows:5000
                """));
        assertTrue(e.getMessage().startsWith("X.properties: claim.1.where=rows:5000 is not a list of name=value pairs"),
                e.getMessage());
    }

    @Test
    void whereTakesSeveralConditions() {
        Question q = parse("""
                question=Q?
                claim.1.text=t
                claim.1.baseline=a
                claim.1.variant=b
                claim.1.where=rows=5000, batch=100
                """);
        assertEquals(List.of("rows", "batch"), List.copyOf(q.claims().get(0).where().keySet()));
    }

    @Test
    void aClaimNamesItsSourceAndTheSuitesReadingIsMarked() {
        Question q = parse("""
                question=Q?
                claim.1.text=t
                claim.1.baseline=a
                claim.1.variant=b
                claim.1.factor=10
                claim.1.source=guide
                claim.1.section=\u00a7 6 Connection Pooling
                claim.1.quote=dramatically improving performance.
                claim.1.reading="dramatically" read as at least 10x
                """);
        Claim c = q.claims().get(0);
        assertEquals(Claim.Source.GUIDE, c.source());
        assertEquals("\u00a7 6 Connection Pooling: \u201cdramatically improving performance.\u201d", c.attribution());
        assertEquals("10x (suite's reading: \"dramatically\" read as at least 10x)", c.claimedFactor());
    }

    @Test
    void anUnknownSourceIsNamed() {
        ReportException e = assertThrows(ReportException.class, () -> parse("""
                question=Q?
                claim.1.text=t
                claim.1.baseline=a
                claim.1.variant=b
                claim.1.source=blog
                """));
        assertEquals("X.properties: claim.1.source=blog is not understood; use source=guide, source=other or source=suite",
                e.getMessage());
    }

    /** The metadata shipped in the jar names methods and parameter values that exist, and every claim its source. */
    @Test
    void everyShippedQuestionMatchesItsBenchmarks() {
        assertEquals(List.of(), QuestionCatalog.fromClassPath().inconsistencies());
    }

    @Test
    void benchmarkClassesComeFromJmhsBenchmarkList() {
        assertTrue(QuestionCatalog.fromClassPath().benchmarkClasses().stream().anyMatch(c -> c.startsWith("dev.dbbench.bench.")),
                "the bench modules' META-INF/BenchmarkList is on the test class path");
    }

    private static Question parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return QuestionCatalog.parse("X", "X.properties", p);
    }
}
