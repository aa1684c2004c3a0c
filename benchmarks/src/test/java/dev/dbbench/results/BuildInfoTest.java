package dev.dbbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class BuildInfoTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void aBuildOutsideGitLeavesPlaceholdersThatReadAsUnknown() {
        Properties p = new Properties();
        p.setProperty("build.commit", "${git.commit.id}");
        p.setProperty("build.dirty", "${git.dirty}");
        p.setProperty("build.time", "${git.build.time}");
        BuildInfo info = BuildInfo.from(p);
        assertNull(info.commit());
        assertNull(info.dirty());
        assertNull(info.buildTime());
        assertEquals("unknown commit", info.describeCommit());
    }

    @Test
    void aDirtyTreeIsMarkedDirty() {
        Properties p = new Properties();
        p.setProperty("build.commit", COMMIT);
        p.setProperty("build.dirty", "true");
        p.setProperty("build.time", "2026-12-03T08:00:00Z");
        p.setProperty("build.version", "0.1.0");
        BuildInfo info = BuildInfo.from(p);
        assertEquals(COMMIT + "-dirty", info.describeCommit());
        assertEquals("dbbench 0.1.0, commit " + COMMIT + "-dirty, built 2026-12-03T08:00:00Z", info.line());
    }

    @Test
    void thisBuildRecordedItsCommit() {
        // The test runs from target/classes, filtered by the same build that packages the jar: inside a git checkout the commit is there.
        BuildInfo info = BuildInfo.current();
        assertTrue(info.commit() == null || info.commit().matches("[0-9a-f]{40}"), info.toString());
        assertTrue(info.buildTime() != null, info.toString());
    }
}
