package dev.dbbench.report;

/** How the report's numbers are computed, in words shown at the top of every report. */
final class Methods {
    private Methods() {}

    static final String TEXT = "Each question is one benchmark class; its variants are ranked fastest first within each "
            + "group of other parameters. Score errors are JMH's 99.9% intervals. A speed-up is how many times faster "
            + "a variant is than the question's baseline (the guide's naive way; the slowest variant when none is "
            + "declared); its 95% interval comes from a bootstrap over the raw data (" + SpeedUp.REPLICATES
            + " replicates resampling forks, then iterations within forks; fixed seed). With only a few "
            + "iterations (under about 5) such an interval is too narrow: treat it, and any verdict resting on it, "
            + "as rough. Figures from a shared or busy machine are rough.";
}
