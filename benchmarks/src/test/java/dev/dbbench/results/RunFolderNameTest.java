package dev.dbbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder name that help texts show as an example is the one a run writes. */
class RunFolderNameTest {
    @TempDir
    Path temp;

    @Test
    void theHelpExampleIsANameTheWriterMakes() throws IOException {
        RunFolder folder = RunFolder.create(temp, Instant.parse("2025-01-31T12:00:00Z"));
        assertEquals(RunFolder.NAME_EXAMPLE, folder.path().getFileName().toString());
    }
}
