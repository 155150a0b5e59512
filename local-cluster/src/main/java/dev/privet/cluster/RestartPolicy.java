package dev.privet.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the {@link Supervisor} waits before it starts a crashed child again: {@code firstDelay}, doubled for each
 * crash in a row, never more than {@code maxDelay}; a child that stayed up for {@code stableAfter} starts a new row.
 * Why a growing pause rather than an immediate restart: a child that dies at once (a broken build, a port another
 * program took, a full disk) would otherwise be restarted in a tight loop that eats the machine and floods its log,
 * while one that crashed once after running fine should be back as soon as possible.
 *
 * @param firstDelay  the pause before the first restart of a row
 * @param maxDelay    the longest pause
 * @param stableAfter how long a child must stay up for its next crash to count as the first of a new row
 */
record RestartPolicy(Duration firstDelay, Duration maxDelay, Duration stableAfter) {

    RestartPolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(stableAfter, "stableAfter");
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need 0 < firstDelay <= maxDelay, got " + firstDelay + " and " + maxDelay);
        }
    }

    /** 1 s, 2 s, 4 s ... at most 30 s; a new row after 60 s up. */
    static RestartPolicy standard() {
        return new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /**
     * The number of crashes in a row, this one included.
     *
     * @param previous how many crashes in a row came before (0 for none)
     * @param uptime   how long the child ran before this crash
     */
    int crashesInARow(int previous, Duration uptime) {
        return uptime.compareTo(stableAfter) >= 0 ? 1 : previous + 1;
    }

    /** The pause before restarting after the {@code crashesInARow}-th crash in a row (1 for the first). */
    Duration delay(int crashesInARow) {
        if (crashesInARow < 1) {
            throw new IllegalArgumentException("crashesInARow starts at 1, got " + crashesInARow);
        }
        Duration delay = firstDelay;
        for (int i = 1; i < crashesInARow && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
