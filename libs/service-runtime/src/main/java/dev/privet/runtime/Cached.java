package dev.privet.runtime;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * A value read at most once per {@code freshness}, however often it is asked for: what a gauge shows when reading it
 * costs a query, so that scrapes (from several Prometheus servers, say) do not load the database. A read that fails
 * keeps the value of the last one that did not (null before any succeeded), is logged (at most once a minute), and
 * is tried again at the next ask.
 */
public final class Cached<T> {
    private static final Logger LOG = Logger.getLogger(Cached.class);
    private static final long WARN_EVERY = Duration.ofMinutes(1).toNanos();

    private final String what;
    private final Duration freshness;
    private final Callable<T> read;
    private T value;
    private long readAt;
    private boolean everRead;
    private long warnedAt;
    private boolean everWarned;

    /** @param what names the value in the log line of a failed read */
    public Cached(String what, Duration freshness, Callable<T> read) {
        this.what = what;
        this.freshness = freshness;
        this.read = read;
    }

    public synchronized T get() {
        long now = System.nanoTime();
        if (!everRead || now - readAt >= freshness.toNanos()) {
            try {
                value = read.call();
                readAt = now;
                everRead = true;
            } catch (Exception e) {
                if (!everWarned || now - warnedAt >= WARN_EVERY) {
                    everWarned = true;
                    warnedAt = now;
                    LOG.warnf("cannot read %s for its metric (%s); it shows the last value read", what, e.toString());
                }
            }
        }
        return value;
    }

    /** A gauge's reading of a cached number: NaN (no value) until a read has succeeded. */
    public static double asDouble(Cached<? extends Number> cached) {
        Number value = cached.get();
        return value == null ? Double.NaN : value.doubleValue();
    }
}
