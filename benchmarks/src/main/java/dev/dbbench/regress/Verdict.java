package dev.dbbench.regress;

/** The outcome for one benchmark, and for the whole check (the worst of its benchmarks). */
public enum Verdict {
    /** Head is slower beyond the threshold, the interval excludes no change, and a re-run agreed. */
    REGRESSION,
    /** Head is faster beyond the threshold, the interval excludes no change, and a re-run agreed. */
    IMPROVEMENT,
    /**
     * A ruler moved (the machine, not the code, may have changed), or the bounds were too wide to
     * tell a change of the threshold's size from none: a busy machine hides slowdowns as easily as it
     * fakes them.
     */
    UNSTABLE,
    NO_CHANGE
}
