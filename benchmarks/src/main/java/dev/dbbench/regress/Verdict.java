package dev.dbbench.regress;

/** The outcome for one benchmark, and for the whole check (the worst of its benchmarks). */
public enum Verdict {
    /** Head is slower beyond the threshold, the interval excludes no change, and a re-run agreed. */
    REGRESSION,
    /** Head is faster beyond the threshold, the interval excludes no change, and a re-run agreed. */
    IMPROVEMENT,
    /**
     * A ruler moved: the machine, not the code, may have changed while base and head ran, and a busy
     * machine hides slowdowns as easily as it fakes them.
     */
    UNSTABLE,
    /**
     * Not flagged, but the bounds were too wide to tell a change of the threshold's size from none:
     * the forks were too noisy to vouch for "no change". Not an alarm (exit code 0), said plainly.
     */
    INCONCLUSIVE,
    NO_CHANGE
}
