package dev.privet.cluster;

import java.util.Locale;

/** A stopwatch that reads like the progress lines: {@code 1.9 s}. */
final class Elapsed {

    private final long startNanos = System.nanoTime();

    static Elapsed start() {
        return new Elapsed();
    }

    long millis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f s", millis() / 1000.0);
    }
}
