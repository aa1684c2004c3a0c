package dev.dbbench.report;

import dev.dbbench.results.Metric;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * How much the forks of one benchmark class scatter, learnt from all its variants at once, so that a
 * speed-up from two forks a side does not rest on two variances of one degree of freedom each.
 *
 * <p>The method is the empirical Bayes moderation of variances of Smyth (2004), "Linear models and
 * empirical Bayes methods for assessing differential expression in microarray experiments" (the
 * moderated t of the limma package): every variant of a class has its own fork-to-fork variance
 * {@code s²} of the log fork means (on {@code d = forks - 1} degrees of freedom); the variances of
 * all the class's variants are taken as draws from a scaled inverse chi-square prior with
 * {@code d0} degrees of freedom around {@code s0²}, both estimated from the variances themselves
 * (here by maximum likelihood, see {@link #fromVariances}). A variant's moderated variance is then
 * {@code (d0 s0² + d s²) / (d0 + d)} on {@code d0 + d} degrees of freedom (capped at the class's
 * total). When the variants scatter alike, {@code d0} is large and the moderated variance is close to
 * the class's pooled variance, with its many degrees of freedom; when they differ, {@code d0} is small
 * and each variant keeps mostly its own. Unlike limma, a moderated variance is never below the
 * variant's own ({@link #variance}): it lends degrees of freedom, it does not make a noisy variant
 * look quiet. Why this matters here: with two forks, one variant's own
 * variance is so uncertain (one degree of freedom; the t quantile is 12.7) that the width of its
 * interval, and with it the verdict, changes from run to run even when the speed-up does not.
 *
 * <p>A class with fewer than {@link #MINIMUM_VARIANTS} variants of two or more forks learns too
 * little from itself (with 4 variants the simulated coverage fell to 92%): it borrows the run's
 * prior, learnt the same way from every benchmark of the run ({@link #or}). {@link #NONE} adds
 * nothing: each side keeps its own variance on {@code forks - 1} degrees of freedom (a plain Welch
 * interval), which is what a run with too few such variants gets.
 *
 * @param priorVariance {@code s0²}, the class's typical variance of log fork means
 * @param priorDf       {@code d0}; 0 for no prior, infinite when the variants scatter alike
 * @param totalDf       the degrees of freedom of all the variants together, the most any one can borrow
 */
public record ForkSpread(double priorVariance, double priorDf, double totalDf) {
    /** No prior: a plain Welch interval. */
    public static final ForkSpread NONE = new ForkSpread(Double.NaN, 0, 0);
    /** Variants with a variance needed to estimate a prior. */
    static final int MINIMUM_VARIANTS = 6;
    /** Prior degrees of freedom taken as infinite: the variants share one variance. */
    static final double MAX_PRIOR_DF = 1e4;

    /** The prior from every metric of a class that has at least two forks with positive means. */
    public static ForkSpread of(List<Metric> metrics) {
        List<double[]> variances = new ArrayList<>();
        for (Metric m : metrics) {
            double[] logs = SpeedUp.logForkMeans(m.forks());
            if (logs.length >= 2) {
                double v = SpeedUp.variance(logs, SpeedUp.mean(logs));
                if (v > 0 && Double.isFinite(v)) {
                    variances.add(new double[] {v, logs.length - 1});
                }
            }
        }
        return fromVariances(variances);
    }

    /**
     * The prior from (variance, degrees of freedom) pairs; {@link #NONE} below {@link #MINIMUM_VARIANTS}.
     * Estimated by maximum likelihood: under the prior, {@code s² / s0²} follows an F distribution
     * with {@code d} and {@code d0} degrees of freedom. (Smyth's own estimate is by moments on
     * {@code log s²}, which with one degree of freedom per variant is dominated by the rare variant
     * whose two forks happened to land close together; the likelihood weighs all variants evenly.)
     */
    static ForkSpread fromVariances(List<double[]> variances) {
        int g = variances.size();
        if (g < MINIMUM_VARIANTS) {
            return NONE;
        }
        double total = 0;
        double logMean = 0;
        for (double[] v : variances) {
            total += v[1];
            logMean += Math.log(v[0]) / g;
        }
        MultivariateFunction logLikelihood = p -> {
            double s0 = Math.exp(p[0]);
            double d0 = Math.exp(Math.min(p[1], Math.log(MAX_PRIOR_DF)));
            double sum = 0;
            for (double[] v : variances) {
                sum += new FDistribution(null, v[1], d0).logDensity(v[0] / s0) - p[0];
            }
            return sum;
        };
        PointValuePair best = null;
        for (double startDf : new double[] {0.5, 4, 50}) {
            PointValuePair found = new SimplexOptimizer(1e-10, 1e-12).optimize(new MaxEval(5_000),
                    new ObjectiveFunction(logLikelihood), GoalType.MAXIMIZE,
                    new InitialGuess(new double[] {logMean + 1.27, Math.log(startDf)}), new NelderMeadSimplex(2));
            if (best == null || found.getValue() > best.getValue()) {
                best = found;
            }
        }
        double d0 = Math.exp(best.getPoint()[1]);
        return d0 >= MAX_PRIOR_DF ? new ForkSpread(Math.exp(best.getPoint()[0]), Double.POSITIVE_INFINITY, total)
                : new ForkSpread(Math.exp(best.getPoint()[0]), d0, total);
    }

    /**
     * This prior when it moderates, else {@code wider}: a class with too few variants to learn its
     * own spread borrows the run's (learnt from every benchmark of the run in the same way).
     */
    public ForkSpread or(ForkSpread wider) {
        return moderates() ? this : wider;
    }

    /** Whether this adds a prior to the variants' own variances. */
    public boolean moderates() {
        return priorDf > 0;
    }

    /** The moderated variance of log fork means for a variant with {@code own} on {@code df} degrees of freedom. */
    double variance(double own, double df) {
        if (!moderates()) {
            return own;
        }
        double moderated = Double.isInfinite(priorDf) ? priorVariance : (priorDf * priorVariance + df * own) / (priorDf + df);
        // Never below the variant's own spread: moderation lends degrees of freedom to a variant that
        // scatters like the rest, and must not shrink one that scatters more (the coverage simulation
        // with unequal spreads falls to 92% without this, and holds at 95% with it).
        return Math.max(moderated, own);
    }

    /** The degrees of freedom that variance rests on. */
    double degreesOfFreedom(double df) {
        return moderates() ? Math.min(priorDf + df, Math.max(totalDf, df)) : df;
    }
}
