package dev.dbbench.bench.orm.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbbench.core.orm.SampleData;
import dev.dbbench.core.orm.User;
import dev.dbbench.core.orm.jpa.OrmStreams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way of reading reads the same users, the sample users, in id order, on a smaller table. */
abstract class StreamVariantsContract {
    static final int ROWS = 3_500;

    abstract OrmStreamRead benchmark();

    @Test
    void everyWayReadsTheSameSampleUsers() throws Exception {
        OrmStreamRead bench = benchmark();
        bench.tableRows = ROWS;
        bench.fill();
        try {
            List<User> cursor = new ArrayList<>();
            bench.cursor(cursor::add);
            assertEquals(ROWS, cursor.size());
            for (int n : new int[] {1, 10, ROWS}) {
                User u = cursor.get(n - 1);
                assertEquals(List.of(SampleData.email(n), SampleData.name(n), SampleData.active(n), SampleData.userCreatedAt(n)),
                        List.of(u.email(), u.name(), u.active(), u.createdAt()));
            }
            List<User> listed = new ArrayList<>();
            bench.db.orm().inSession(s -> OrmStreams.resultList(s, listed::add));
            List<User> scrolled = new ArrayList<>();
            bench.db.orm().inSession(s -> OrmStreams.scroll(s, OrmStreamRead.FETCH, OrmStreamRead.FETCH, scrolled::add));
            List<User> streamed = new ArrayList<>();
            bench.db.orm().inStatelessSession(s -> OrmStreams.statelessStream(s, OrmStreamRead.FETCH, streamed::add));
            assertEquals(cursor, listed);
            assertEquals(cursor, scrolled);
            assertEquals(cursor, streamed);

            long sum = cursor.stream().mapToLong(User::id).sum();
            assertEquals(List.of(sum, sum, sum, sum), List.of(bench.resultList(), bench.scroll(), bench.statelessStream(), bench.jdbcCursor()));
        } finally {
            bench.drop();
        }
    }
}
