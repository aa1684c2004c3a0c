package dev.dbbench.cli;

import dev.dbbench.results.Failure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;

/**
 * A run's forks in rounds ({@code --rounds}; 2 for quick, 3 for full). JMH runs a combination's
 * forks back to back, seconds apart, so their spread never shows what changes on a shared machine
 * over minutes (another process's load, the disk's write-back, the CPU's clock), and a second run
 * half an hour later then lands outside the first run's interval. In rounds, every combination runs
 * its first fork(s), then every combination its next: a combination's forks lie a round's length
 * apart (about 14 minutes in a quick run) and its interval includes that drift. The forks and their
 * settings are the same as without rounds, so the run takes as long, plus a JMH start per round.
 *
 * <p>A combination whose forks the rounds do not divide (the rulers' one fork, {@code -f 1}) runs
 * whole in the first round. After the last round each combination's forks are merged into one
 * result in round order ({@link #merge}), so JMH's JSON, the report and the history see one
 * combination with all its forks, its {@code forks} field counting them all.
 */
final class Rounds {
    static final String OPTION = "--rounds";
    static final int MAX = 10;

    /** One round: the passes it runs, in order, and which round it is. */
    record Round(int number, int of, List<PgRoundTrips.Pass> passes) {
        /** Tags a failure with its round, when there are several: the others' forks of the combination may still have results. */
        List<Failure> tag(List<Failure> failures) {
            if (of == 1) {
                return failures;
            }
            return failures.stream().map(f -> new Failure(f.benchmark(), f.mode(), f.params(), f.reason() + " (round " + number + " of " + of + ")",
                    f.error())).toList();
        }
    }

    private Rounds() {}

    /**
     * The run's passes in {@code rounds} rounds. Each round runs every pass again (so with
     * {@code --pg-rtt} every round trip in every round) for the combinations the rounds divide, with
     * {@code forks / rounds} forks each; the first round also runs the others, whole.
     */
    static List<Round> of(List<PgRoundTrips.Pass> passes, int rounds) {
        if (rounds <= 1) {
            return List.of(new Round(1, 1, passes));
        }
        List<Round> out = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            List<PgRoundTrips.Pass> inRound = new ArrayList<>();
            for (PgRoundTrips.Pass pass : passes) {
                // By forks per round: each JMH run takes one -f for all its benchmarks.
                Map<Integer, List<Plan.Item>> split = new TreeMap<>();
                List<Plan.Item> whole = new ArrayList<>();
                for (Plan.Item item : pass.plan().items()) {
                    if (item.forks() >= rounds && item.forks() % rounds == 0) {
                        int perRound = item.forks() / rounds;
                        split.computeIfAbsent(perRound, k -> new ArrayList<>()).add(withForks(item, perRound));
                    } else {
                        whole.add(item);
                    }
                }
                if (r == 1 && !whole.isEmpty()) {
                    inRound.add(pass.part(new Plan(List.copyOf(whole)), 0));
                }
                split.forEach((forks, items) -> inRound.add(pass.part(new Plan(List.copyOf(items)), forks)));
            }
            out.add(new Round(r, rounds, List.copyOf(inRound)));
        }
        return List.copyOf(out);
    }

    /** Every round's combinations: what the run's progress counts, each round's part once. */
    static Plan total(List<Round> rounds) {
        return new Plan(rounds.stream().flatMap(r -> r.passes().stream()).flatMap(p -> p.plan().items().stream()).toList());
    }

    /** How many combinations the run measures: the first round runs each once, whole or its first fork(s). */
    static int combinations(List<Round> rounds) {
        return rounds.get(0).passes().stream().mapToInt(p -> p.plan().size()).sum();
    }

    /**
     * One result per combination (benchmark, mode, parameters: a round trip's {@code pgRtt} is one):
     * the forks of every round that measured it, in round order, its parameters counting them all.
     * A combination a round failed keeps the other rounds' forks; the failure is recorded beside it.
     */
    static List<RunResult> merge(List<RunResult> results) {
        Map<String, List<RunResult>> byCombination = new LinkedHashMap<>();
        for (RunResult r : results) {
            byCombination.computeIfAbsent(Plan.Item.key(r.getParams()), k -> new ArrayList<>()).add(r);
        }
        List<RunResult> out = new ArrayList<>();
        for (List<RunResult> parts : byCombination.values()) {
            if (parts.size() == 1) {
                out.add(parts.get(0));
                continue;
            }
            List<BenchmarkResult> forks = new ArrayList<>();
            int forkCount = 0;
            for (RunResult part : parts) {
                forks.addAll(part.getBenchmarkResults());
                forkCount += part.getParams().getForks();
            }
            BenchmarkParams first = parts.get(0).getParams();
            out.add(new RunResult(PgRoundTrips.rebuilt(first, PgRoundTrips.workload(first), forkCount), forks));
        }
        return List.copyOf(out);
    }

    private static Plan.Item withForks(Plan.Item item, int forks) {
        return new Plan.Item(item.benchmark(), item.mode(), item.params(), forks, item.iterations(), item.iterationSeconds());
    }
}
