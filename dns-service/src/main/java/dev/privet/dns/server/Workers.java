package dev.privet.dns.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The small, bounded thread pools the listeners answer on: when full, new work is refused rather than queued forever. */
final class Workers {
    private static final int QUEUE = 512;

    private Workers() {
    }

    static ThreadPoolExecutor named(String prefix, int threads, RejectedExecutionHandler whenFull) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
                Thread.ofPlatform().name(prefix, 0).daemon().factory(), whenFull);
    }
}
