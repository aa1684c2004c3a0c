package dev.dbbench.report;

/** How the report's numbers are computed, in words shown at the top of every report. */
final class Methods {
    private Methods() {}

    static final String TEXT = "Each question is one benchmark class; its variants are ranked fastest first within each "
            + "group of other parameters (a variant that ran out of memory is listed with rank \"-\": its time is how long "
            + "failing took). Score errors are JMH's 99.9% intervals. A speed-up is how many times faster a variant is than "
            + "the question's baseline (the guide's naive way; the slowest variant when none is declared). "
            + "The fork is the unit of evidence: a fork's JIT and memory layout stay fixed for all its iterations, "
            + "so a second run moves whole forks, not single iterations. The measured profiles run a combination's "
            + "forks in rounds (every combination's first fork, then every combination's second), so its forks lie "
            + "minutes apart and their spread includes the machine's drift over the run (another process's load, "
            + "the disk's write-back), which a second run half an hour later would also see; forks run back to back "
            + "would hide it. The 95% interval of a speed-up is therefore "
            + "a Welch t interval on the log of each fork's mean, exponentiated: ratios and fork effects multiply, "
            + "the t quantile widens the interval honestly when there are only 2-3 forks (a bootstrap over so few "
            + "forks is too narrow), and Welch does not assume both sides vary alike. With two forks a side, each "
            + "side's own fork-to-fork variance rests on one degree of freedom, so the interval's width would change "
            + "from run to run as much as the data; each variance is therefore moderated by what all the class's "
            + "variants show, the empirical Bayes method of Smyth (2004, the moderated t of the limma package): "
            + "a prior for the class's fork spread, learnt from the variances of all its variants, is combined with "
            + "the variant's own and lends it degrees of freedom, but never brings it below the variant's own "
            + "variance (with 3 or more variants of 2 or more forks; a class with fewer gets the plain Welch interval). "
            + "A simulation with fork-level random effects, unequal fork spreads across variants and heavy-tailed "
            + "iteration noise checks that the interval covers the true ratio in at least 93% of runs "
            + "(SpeedUpCoverageTest). With one fork on either side there is no interval (n/a). "
            + "A claim gets a verdict only from at least " + Replication.MINIMUM_FORKS + " forks of at least "
            + Replication.MINIMUM_ITERATIONS + " measured iterations on both sides (two forks are the fewest that show "
            + "fork-to-fork spread; three iterations make a fork's mean more than one shot and let a trend show); "
            + "below that it reads \"insufficient data\", and a smoke run gives no verdicts at all. "
            + "A variant is flagged \"still trending\" when its measured iterations drift: in any fork, the median "
            + "of the second half of its iterations differs from the first half's by more than "
            + Trend.PERCENT + "% (forks of at least " + Trend.MINIMUM_ITERATIONS + " iterations). "
            + "Auxiliary counters are shown per iteration: peaks as the largest value of any one iteration, counts as "
            + "the mean per iteration (JMH itself adds them up over iterations). Figures from a shared or busy "
            + "machine are rough.";
}
