package dev.privet.eventstore;

import dev.privet.contracts.events.EventCodec;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Feeds a {@link MemoryProjection} with every committed event of the store, from the first, in position order, on
 * a thread of its own. It reads as the relay does ({@code global_position > ?}, in batches): appends are serialised
 * and positions handed out in commit order, so no later commit can land behind it. A commit on this replica wakes
 * it at once ({@link #wakeUp}); commits of other replicas are seen at the next idle poll.
 *
 * <p>An event this build cannot read stops the tail there: it is neither applied nor skipped, {@link #stuck()} says
 * why (readiness reports it), and the relay, which publishes only what the tail has applied, waits with it. A newer
 * build applies it. A database error is retried with backoff.
 */
public final class StoreTail implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StoreTail.class);
    private static final String FETCH = "select " + StoredEvent.COLUMNS
            + " from events where global_position > ? order by global_position limit ?";
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final MemoryProjection projection;
    private final DataSource dataSource;
    private final EventCodec codec;
    private final int batchSize;
    private final Duration idlePoll;
    private final Runnable onAdvance;
    private final WakeUps wakeUps = new WakeUps();
    private volatile boolean running;
    private volatile long position;
    private volatile boolean caughtUp;
    private volatile String stuck;
    private Thread thread;

    /**
     * @param onAdvance run on the tail's thread each time it has applied more events (the relay listens to it)
     */
    public StoreTail(MemoryProjection projection, DataSource dataSource, EventCodec codec, int batchSize,
                     Duration idlePoll, Runnable onAdvance) {
        this.projection = projection;
        this.dataSource = dataSource;
        this.codec = codec;
        this.batchSize = batchSize;
        this.idlePoll = idlePoll;
        this.onAdvance = onAdvance;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("store-tail-" + projection.name()).daemon().start(this::run);
    }

    /** Asks the tail to read new events now rather than at its next poll. */
    public void wakeUp() {
        wakeUps.signal();
    }

    /** The position of the last event applied; 0 before the first. */
    public long position() {
        return position;
    }

    /** Whether the tail has once read to the end of the store: the projection shows everything up to its start. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Why the tail cannot go on, while it cannot: an event this build cannot read. */
    public Optional<String> stuck() {
        return Optional.ofNullable(stuck);
    }

    public String name() {
        return projection.name();
    }

    private void run() {
        Duration retry = FIRST_RETRY;
        while (running) {
            try {
                int applied = applyNextBatch();
                retry = FIRST_RETRY;
                if (applied > 0) {
                    onAdvance.run();
                }
                if (applied < batchSize) {
                    if (stuck == null && !caughtUp) {
                        caughtUp = true;
                        projection.caughtUp();
                    }
                    wakeUps.await(idlePoll);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("store tail %s: %s; retrying in %d ms", projection.name(), e.toString(), retry.toMillis());
                wakeUps.sleep(retry, () -> running);
                retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
            }
        }
    }

    /** Applies the events after {@link #position}, up to a batch of them; stops at one it cannot read. */
    private int applyNextBatch() throws SQLException {
        List<StoredEvent> batch = new ArrayList<>(batchSize);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(FETCH)) {
            st.setLong(1, position);
            st.setInt(2, batchSize);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    batch.add(StoredEvent.read(rs));
                }
            }
        }
        int applied = 0;
        for (StoredEvent stored : batch) {
            var envelope = stored.decode(codec);
            if (envelope.isEmpty()) {
                stoppedAt(stored);
                break;
            }
            projection.apply(envelope.get());
            position = stored.position();
            applied++;
        }
        return applied;
    }

    private void stoppedAt(StoredEvent stored) {
        if (stuck == null) {
            stuck = "memory projection " + projection.name() + " stopped at event " + stored.eventId() + " (position "
                    + stored.position() + ", type " + stored.type() + ", schema version " + stored.schemaVersion()
                    + "), which this build cannot read; nothing after it is applied until a build that can read it runs";
            LOG.error(stuck);
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        wakeUp();
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
