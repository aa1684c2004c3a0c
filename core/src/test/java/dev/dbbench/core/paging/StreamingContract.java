package dev.dbbench.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dbbench.core.index.GuideUser;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streaming and loading all read the same rows; streaming hands them over in chunks. */
abstract class StreamingContract extends PagingContract {
    static final String ACTIVE_AFTER = "SELECT " + GuideUser.COLUMNS + " FROM users WHERE is_active AND id > ? ORDER BY id";

    @Test
    void streamingHandsOverTheRowsOfLoadingAllInChunks() throws SQLException {
        List<GuideUser> all = RowStreams.loadAll(c, "SELECT " + GuideUser.COLUMNS + " FROM users ORDER BY id", List.of(), users());
        List<List<GuideUser>> chunks = new ArrayList<>();
        long read = RowStreams.stream(c, db.dialect(), "SELECT " + GuideUser.COLUMNS + " FROM users ORDER BY id", List.of(), new StreamOptions(300, PAGE), users(),
                chunks::add);

        assertEquals(USERS, read);
        assertEquals(USERS, all.size());
        assertEquals(all, chunks.stream().flatMap(List::stream).toList());
        assertEquals(USERS / PAGE + 1, chunks.size());
        assertEquals(USERS % PAGE, chunks.get(chunks.size() - 1).size());
    }

    @Test
    void parametersAreBoundForBothWays() throws SQLException {
        List<GuideUser> loaded = RowStreams.loadAll(db, ACTIVE_AFTER, List.of(10_000L), users());
        List<GuideUser> streamed = new ArrayList<>();
        assertEquals(loaded.size(), RowStreams.stream(db, ACTIVE_AFTER, List.of(10_000L), StreamOptions.guide(), users(), streamed::addAll));
        assertEquals(loaded, streamed);
        assertEquals(selectIds("SELECT id FROM users WHERE is_active AND id > 10000 ORDER BY id"), streamed.stream().map(GuideUser::id).toList());
    }

    @Test
    void optionsThatCannotWorkAreRefused() {
        IllegalArgumentException fetch = assertThrows(IllegalArgumentException.class, () -> StreamOptions.guide().withFetchSize(0));
        assertEquals("fetchSize must be at least 1 row, was 0 (0 would make PostgreSQL send every row at once)", fetch.getMessage());
        IllegalArgumentException chunk = assertThrows(IllegalArgumentException.class, () -> StreamOptions.guide().withChunkSize(-1));
        assertEquals("chunkSize must be at least 1 row, was -1", chunk.getMessage());
    }
}
