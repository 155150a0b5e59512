package dev.privet.eventstore;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Publishes every committed event of the store to Kafka, in commit order, keyed by stream id.
 *
 * <p>The events table is the outbox. {@link EventStore#append} serialises the appends of a service (a transaction
 * lock held until commit), so positions are handed out in commit order: a transaction that started first but
 * commits last cannot leave a hole behind the relay, because nobody else can append until it ends. The relay reads
 * rows after its saved position, in position order, and saves the position only after Kafka acknowledged the events
 * up to it ({@code acks=all}, idempotent producer), so a crash between the commit and the publish republishes on
 * restart: delivery is at least once, and consumers are idempotent.
 *
 * <p>When Kafka refuses an event, the relay saves the position of the last event before it that was acknowledged
 * (the acknowledged prefix of the batch is never sent again), stops sending at the refused event (so no later event
 * of its stream overtakes it), and retries from it alone, with backoff from half a second to half a minute. A
 * refusal no retry of the same request can cure (not a {@link RetriableException}: a record too large, an
 * authorisation or serialisation error, a producer fenced or out of sequence) makes the relay {@link #stuck()}:
 * readiness reports it, one ERROR line names the event (then one a minute while it lasts), and the producer is
 * recreated before the next attempt, so a producer in a fatal state is never used again and a configuration fix
 * takes effect; a newer build may also get the event through.
 *
 * <p>One relay per service publishes at a time: each holds a PostgreSQL advisory lock, on a connection it keeps and
 * also reads and saves its position on, the others wait for it.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String FETCH = "select " + StoredEvent.COLUMNS
            + " from events where global_position > ? and global_position <= ? order by global_position limit ?";
    private static final String UNPUBLISHED = "select count(*) from events where global_position > coalesce("
            + "(select last_position from outbox_relay where relay_name = ?), 0)";
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final Duration MAX_DATABASE_RETRY = Duration.ofSeconds(5);
    private static final Duration REPEAT_LOG = Duration.ofMinutes(1);

    private final String name;
    private final String topic;
    private final DataSource dataSource;
    /** Makes the producer anew after a fatal error; null when the relay was given one producer it cannot remake. */
    private final Supplier<? extends Producer<String, byte[]>> producers;
    private volatile Producer<String, byte[]> producer;
    private boolean producerSpoiled;
    private final int batchSize;
    private final Duration idlePoll;
    private final AtomicLong published = new AtomicLong();
    /** The position up to which Kafka has acknowledged, as far as this instance knows; guarded for waiting. */
    private final AtomicLong publishedUpTo = new AtomicLong();
    private final Object publishedMonitor = new Object();
    private volatile boolean holdingLock;
    private static final Duration SAVED_POSITION_FRESHNESS = Duration.ofMillis(10);
    private final Object savedPositionLock = new Object();
    private long savedPositionReadAt = System.nanoTime() - SAVED_POSITION_FRESHNESS.toNanos() - 1;
    private long savedPositionSeen;
    private final WakeUps wakeUps = new WakeUps();
    private volatile boolean running;
    private volatile LongSupplier publishableUpTo = () -> Long.MAX_VALUE;
    private Thread thread;
    private Connection lockHolder;
    /** Where this relay is, read once when it takes the lock: while it holds the lock, nobody else moves it. */
    private RelayPosition position;
    /** Why the relay cannot get past an event, while a refusal no retry can cure lasts. */
    private volatile Stuck stuck;
    private long lastErrorLog;
    private long lastWarnLog;

    /** The relay takes {@code producer} over and closes it when it is closed; it cannot remake it after a fatal error. */
    public OutboxRelay(String name, String topic, DataSource dataSource, Producer<String, byte[]> producer,
                       int batchSize, Duration idlePoll) {
        this(name, topic, dataSource, null, producer, batchSize, idlePoll);
    }

    /**
     * A relay that makes its producer with {@code producers}, and makes it again after a refusal no retry can cure
     * (the producer may be in a fatal state, or its settings may have been fixed). It closes each one it made.
     */
    public OutboxRelay(String name, String topic, DataSource dataSource,
                       Supplier<? extends Producer<String, byte[]>> producers, int batchSize, Duration idlePoll) {
        this(name, topic, dataSource, producers, producers.get(), batchSize, idlePoll);
    }

    private OutboxRelay(String name, String topic, DataSource dataSource,
                        Supplier<? extends Producer<String, byte[]>> producers, Producer<String, byte[]> producer,
                        int batchSize, Duration idlePoll) {
        this.name = name;
        this.topic = topic;
        this.dataSource = dataSource;
        this.producers = producers;
        this.producer = producer;
        this.batchSize = batchSize;
        this.idlePoll = idlePoll;
    }

    /** Producer settings for a relay: idempotent, {@code acks=all}, per-partition order kept across retries. */
    public static Map<String, Object> producerSettings(String bootstrapServers) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay-" + name).daemon().start(this::run);
    }

    /**
     * Holds back the events after {@code upTo}'s position: the relay publishes an event only once {@code upTo} has
     * reached it (the service's memory projections have applied it; see {@link MemoryProjection}). Whoever moves it
     * on calls {@link #wakeUp}.
     */
    public void publishOnlyUpTo(LongSupplier upTo) {
        publishableUpTo = upTo;
        wakeUp();
    }

    /** Asks the relay to look for new events now rather than at its next poll. */
    public void wakeUp() {
        wakeUps.signal();
    }

    /**
     * Waits until every event up to {@code position} has been acknowledged by Kafka, or {@code timeout} passes. The
     * relay that publishes may be another replica's: then the saved position in the database tells.
     *
     * @return whether the events were published in time
     */
    public boolean awaitPublished(long position, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                if (publishedUpTo.get() >= position) {
                    return true;
                }
                if (!holdingLock && savedPosition() >= position) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                synchronized (publishedMonitor) {
                    if (publishedUpTo.get() < position) {
                        publishedMonitor.wait(Math.max(1, Math.min(left / 1_000_000, holdingLock ? 100 : 10)));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (SQLException e) {
            LOG.warnf("relay %s: cannot read the published position: %s", name, e.toString());
            return false;
        }
    }

    /**
     * The position the publishing relay saved, read at most every {@link #SAVED_POSITION_FRESHNESS} however many
     * requests wait: one query per interval per replica, not one per waiter.
     */
    private long savedPosition() throws SQLException {
        synchronized (savedPositionLock) {
            if (System.nanoTime() - savedPositionReadAt > SAVED_POSITION_FRESHNESS.toNanos()) {
                try (Connection c = dataSource.getConnection()) {
                    savedPositionSeen = RelayPosition.load(c, name).position();
                }
                savedPositionReadAt = System.nanoTime();
            }
            return savedPositionSeen;
        }
    }

    private void publishedThrough(RelayPosition next) {
        publishedUpTo.accumulateAndGet(next.position(), Math::max);
        synchronized (publishedMonitor) {
            publishedMonitor.notifyAll();
        }
    }

    /**
     * How many committed events the service's relay (whichever replica holds the lock) has not yet had acknowledged
     * by Kafka: counted in the store after the saved position, so every replica tells the same. One index range
     * count: cheap while the relay keeps up, and bounded by how far behind it is.
     */
    public long unpublished() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(UNPUBLISHED)) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** How many events this relay has published since it started. */
    public long published() {
        return published.get();
    }

    /**
     * Why this relay cannot publish, while Kafka refuses an event in a way no retry of the same request can cure:
     * the event (id, type, stream, position) and the error. Every event after it waits behind it. Empty when the
     * relay is publishing (or only waiting out a passing failure, such as a broker away).
     */
    public Optional<String> stuck() {
        Stuck s = stuck;
        return s == null ? Optional.empty() : Optional.of(s.describe(name, topic));
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
            join(t, Duration.ofSeconds(10));
            if (t.isAlive()) {
                closeProducer(producer, Duration.ZERO); // aborts a send or flush that waits for an absent broker
                join(t, Duration.ofSeconds(5));
            }
        }
        closeProducer(producer, Duration.ofSeconds(5)); // the relay owns its producer
    }

    private void run() {
        try {
            publishUntilClosed();
        } finally {
            releaseLock(); // on this thread, which alone touches the lock's connection
        }
    }

    private void publishUntilClosed() {
        Duration retry = FIRST_RETRY;
        Duration databaseRetry = FIRST_RETRY;
        boolean oneAtATime = false; // after a refusal: retry the refused event alone, until it goes through
        while (running) {
            try {
                if (!holdsLock()) {
                    wakeUps.await(idlePoll);
                    continue;
                }
                int limit = oneAtATime ? 1 : batchSize;
                Attempt attempt = publishBatch(limit);
                databaseRetry = FIRST_RETRY;
                if (attempt.refused() == null) {
                    oneAtATime = false;
                    retry = FIRST_RETRY;
                    if (attempt.acknowledged() < limit) {
                        wakeUps.await(idlePoll);
                    }
                } else {
                    oneAtATime = true;
                    refused(attempt, retry);
                    wakeUps.sleep(retry, () -> running); // commits keep waking the relay: the backoff ignores them
                    retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                if (shouldLog(false)) {
                    LOG.warnf("relay %s: %s; retrying", name, e.toString());
                }
                releaseLock();
                wakeUps.sleep(databaseRetry, () -> running);
                databaseRetry = databaseRetry.multipliedBy(2).compareTo(MAX_DATABASE_RETRY) > 0 ? MAX_DATABASE_RETRY
                        : databaseRetry.multipliedBy(2);
            }
        }
    }

    /** What one round of publishing did: how many events Kafka acknowledged, and the one it refused, if any. */
    private record Attempt(int acknowledged, StoredEvent refused, Throwable error) {
    }

    private Attempt publishBatch(int limit) throws SQLException, InterruptedException {
        List<StoredEvent> batch = new ArrayList<>();
        try (PreparedStatement st = lockHolder.prepareStatement(FETCH)) {
            st.setLong(1, position.position());
            st.setLong(2, publishableUpTo.getAsLong());
            st.setInt(3, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    batch.add(StoredEvent.read(rs));
                }
            }
        }
        if (batch.isEmpty()) {
            return new Attempt(0, null, null);
        }
        Producer<String, byte[]> p = currentProducer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (StoredEvent event : batch) {
            Future<RecordMetadata> ack;
            try {
                ack = p.send(event.toRecord(topic));
            } catch (RuntimeException refusedAtOnce) { // not serialisable, producer closed or in a fatal state
                ack = CompletableFuture.failedFuture(refusedAtOnce);
            }
            acks.add(ack);
            if (ack.isDone() && failed(ack)) {
                break; // refused at once (too large...): send nothing after it, so nothing of its stream overtakes it
            }
        }
        try {
            p.flush();
        } catch (RuntimeException e) {
            LOG.debugf("relay %s: flush: %s", name, e);
        }
        int acknowledged = 0;
        Throwable error = null;
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
                acknowledged++;
            } catch (ExecutionException e) {
                error = e.getCause();
                break; // the events after it are sent again from here: at least once, and each stream in order
            }
        }
        if (acknowledged > 0) {
            RelayPosition next = new RelayPosition(batch.get(acknowledged - 1).position());
            next.save(lockHolder, name); // the acknowledged prefix is never sent again
            position = next;
            publishedThrough(next);
            published.addAndGet(acknowledged);
            Stuck wasStuck = stuck;
            if (wasStuck != null && next.position() >= wasStuck.position()) {
                stuck = null;
                LOG.infof("relay %s: published event %s (position %d), which Kafka had refused since %s", name,
                        wasStuck.eventId(), wasStuck.position(), wasStuck.since());
            }
        }
        return error == null ? new Attempt(acknowledged, null, null)
                : new Attempt(acknowledged, batch.get(acknowledged), error);
    }

    private static boolean failed(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void refused(Attempt attempt, Duration retry) {
        StoredEvent e = attempt.refused();
        Throwable error = attempt.error();
        if (error instanceof RetriableException) {
            if (shouldLog(false)) { // a broker away, a leader moving: it passes, or it times out again
                LOG.warnf("relay %s: Kafka did not take event %s (%s of stream %s, position %d) yet: %s; retrying"
                        + " in %d ms", name, e.eventId(), e.type(), e.streamId(), e.position(), error, retry.toMillis());
            }
            return;
        }
        Stuck before = stuck;
        boolean sameEvent = before != null && before.position() == e.position();
        Stuck now = new Stuck(e.position(), e.eventId(), e.streamId(), e.type(), error.toString(),
                sameEvent ? before.since() : Instant.now(), producers != null);
        stuck = now;
        if (!sameEvent || shouldLog(true)) {
            if (!sameEvent) {
                lastErrorLog = System.nanoTime();
            }
            LOG.error(now.describe(name, topic));
        }
        producerSpoiled = true; // made anew before the next attempt: it may be in a fatal state, or now configured right
    }

    private Producer<String, byte[]> currentProducer() {
        if (producerSpoiled && producers != null) {
            Producer<String, byte[]> made;
            try {
                made = producers.get();
            } catch (RuntimeException e) {
                LOG.warnf("relay %s: cannot make a new producer (%s); trying the old one", name, e.toString());
                return producer;
            }
            closeProducer(producer, Duration.ofSeconds(1));
            producer = made;
            producerSpoiled = false;
        }
        return producer;
    }

    private void closeProducer(Producer<String, byte[]> p, Duration timeout) {
        try {
            p.close(timeout);
        } catch (RuntimeException e) {
            LOG.debugf("relay %s: closing the producer: %s", name, e);
        }
    }

    /** One ERROR (or WARN) line when it starts, then at most one a minute. */
    private boolean shouldLog(boolean error) {
        long now = System.nanoTime();
        long last = error ? lastErrorLog : lastWarnLog;
        if (last != 0 && now - last < REPEAT_LOG.toNanos()) {
            return false;
        }
        if (error) {
            lastErrorLog = now;
        } else {
            lastWarnLog = now;
        }
        return true;
    }

    /**
     * Whether this relay holds the lock, taking it if free. The lock is a session lock: when anything fails after it
     * was taken, it is released before the connection is closed (a pooled connection's session outlives
     * {@code close()}, and would keep every relay out), and the connection is closed whatever happens.
     */
    private boolean holdsLock() throws SQLException {
        if (lockHolder != null) {
            if (lockHolder.isValid(2)) {
                return true;
            }
            releaseLock(); // the session died, and the lock with it: another relay may hold it now
        }
        Connection c = dataSource.getConnection();
        boolean locked = false;
        try {
            locked = AdvisoryLocks.tryLockRelay(c, name);
            if (locked) {
                RelayPosition loaded = RelayPosition.load(c, name);
                lockHolder = c;
                position = loaded;
                holdingLock = true;
                publishedThrough(loaded);
                return true;
            }
        } catch (SQLException | RuntimeException e) {
            if (locked) {
                try {
                    AdvisoryLocks.unlockRelay(c, name);
                } catch (SQLException | RuntimeException unlocking) {
                    e.addSuppressed(unlocking);
                }
            }
            try {
                c.close(); // never leak the connection when a query fails
            } catch (SQLException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        c.close();
        return false;
    }

    private void releaseLock() {
        if (lockHolder != null) {
            holdingLock = false;
            try (Connection c = lockHolder) {
                AdvisoryLocks.unlockRelay(c, name);
            } catch (SQLException | RuntimeException e) {
                LOG.debugf("relay %s: closing lock connection: %s", name, e);
            }
            lockHolder = null;
            position = null;
        }
    }

    private static void join(Thread t, Duration d) {
        try {
            t.join(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An event Kafka refuses in a way no retry of the same request cures. */
    private record Stuck(long position, UUID eventId, String streamId, String eventType, String error, Instant since,
                         boolean producerRemade) {
        String describe(String relay, String topic) {
            return "relay " + relay + " cannot publish event " + eventId + " (" + eventType + " of stream " + streamId
                    + ", position " + position + ") to " + topic + " since " + since + ": " + error
                    + "; it and every event after it wait, retried with backoff"
                    + (producerRemade ? " on a new producer" : " (this relay cannot remake its producer: restart it"
                    + " once the cause is fixed)");
        }
    }
}
