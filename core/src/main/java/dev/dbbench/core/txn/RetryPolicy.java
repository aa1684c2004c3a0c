package dev.dbbench.core.txn;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often a transaction that lost a race (serialization failure 40001, deadlock 40P01) is tried
 * again, and how long to wait in between: a random pause up to {@code minBackoff * 2^(retry-1)},
 * capped at {@code maxBackoff} and never under {@code minBackoff}. The randomness keeps two
 * transactions that collided from colliding again in lockstep.
 *
 * @param maxAttempts attempts in all, the first one included (1 = never retry)
 * @param minBackoff  shortest pause before a retry
 * @param maxBackoff  longest pause before a retry
 */
public record RetryPolicy(int maxAttempts, Duration minBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts is " + maxAttempts + ": it counts the first attempt too, so it must be at least 1 (1 = no retries)");
        }
        Objects.requireNonNull(minBackoff, "minBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("backoff " + minBackoff.toMillis() + ".." + maxBackoff.toMillis()
                    + " ms is not a range: need 0 <= minBackoff <= maxBackoff");
        }
    }

    /** 3 attempts, 1 to 50 ms apart. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(50));
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, minBackoff, maxBackoff);
    }

    /** The pause before retry number {@code retry} (1 for the first retry). */
    Duration backoff(int retry) {
        long min = minBackoff.toNanos();
        long ceiling = Math.min(maxBackoff.toNanos(), min << Math.min(retry - 1, 20));
        return Duration.ofNanos(ceiling <= min ? min : ThreadLocalRandom.current().nextLong(min, ceiling + 1));
    }
}
