package dev.privet.eventstore;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How a worker thread of the store (the relay, a memory projection's tail) waits for more work: until a commit
 * wakes it ({@link #signal}) or its idle poll ends. A signal that comes while the worker is busy is kept, so its next
 * wait returns at once and no commit is missed between a read and the wait.
 */
final class WakeUps {
    private boolean signalled;

    synchronized void signal() {
        signalled = true;
        notifyAll();
    }

    /** Returns when signalled (at once if a signal came since the last wait) or after {@code idlePoll}. */
    synchronized void await(Duration idlePoll) throws InterruptedException {
        if (!signalled) {
            wait(idlePoll.toMillis());
        }
        signalled = false;
    }

    /**
     * Waits all of {@code d} (a backoff: signals do not shorten it, and are forgotten), or until {@code running}
     * turns false; whoever turns it false signals.
     */
    synchronized void sleep(Duration d, BooleanSupplier running) {
        long deadline = System.nanoTime() + d.toNanos();
        try {
            for (long left = d.toMillis(); running.getAsBoolean() && left > 0;
                 left = (deadline - System.nanoTime()) / 1_000_000) {
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        signalled = false;
    }
}
