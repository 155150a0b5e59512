package dev.privet.eventstore;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes every committed event of the store to Kafka, in commit order, keyed by stream id.
 *
 * <p>The events table is the outbox. {@link EventStore#append} serialises the appends of a service (a transaction
 * lock held until commit), so positions are handed out in commit order: a transaction that started first but
 * commits last cannot leave a hole behind the relay, because nobody else can append until it ends. The relay reads
 * rows after its saved position, in position order, and saves the position only after Kafka acknowledged the batch
 * ({@code acks=all}, idempotent producer), so a crash between the commit and the publish republishes on restart:
 * delivery is at least once, and consumers are idempotent.
 *
 * <p>One relay per service publishes at a time: each holds a PostgreSQL advisory lock, the others wait for it.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String FETCH = "select " + StoredEvent.COLUMNS
            + " from events where global_position > ? order by global_position limit ?";

    private final String name;
    private final String topic;
    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final int batchSize;
    private final Duration idlePoll;
    private final AtomicLong published = new AtomicLong();
    private final Object wake = new Object();
    private boolean wakeRequested;
    private volatile boolean running;
    private Thread thread;
    private Connection lockHolder;
    /** Where this relay is, read once when it takes the lock: while it holds the lock, nobody else moves it. */
    private RelayPosition position;

    /** The relay takes {@code producer} over and closes it when it is closed. */
    public OutboxRelay(String name, String topic, DataSource dataSource, Producer<String, byte[]> producer,
                       int batchSize, Duration idlePoll) {
        this.name = name;
        this.topic = topic;
        this.dataSource = dataSource;
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

    /** Asks the relay to look for new events now rather than at its next poll. */
    public void wakeUp() {
        synchronized (wake) {
            wakeRequested = true;
            wake.notifyAll();
        }
    }

    /** How many events this relay has published since it started. */
    public long published() {
        return published.get();
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
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close(Duration.ofSeconds(5)); // the relay owns its producer
    }

    private void run() {
        try {
            publishUntilClosed();
        } finally {
            releaseLock(); // on this thread, which alone touches the lock's connection
        }
    }

    private void publishUntilClosed() {
        while (running) {
            try {
                if (!holdsLock()) {
                    awaitWake();
                    continue;
                }
                if (publishBatch() < batchSize) {
                    awaitWake();
                }
            } catch (Exception e) {
                LOG.warnf("relay %s: %s; retrying", name, e.toString());
                releaseLock();
                sleep(Duration.ofMillis(500));
            }
        }
    }

    private int publishBatch() throws SQLException, InterruptedException, ExecutionException {
        List<StoredEvent> batch = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st = c.prepareStatement(FETCH)) {
                st.setLong(1, position.position());
                st.setInt(2, batchSize);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        batch.add(StoredEvent.read(rs));
                    }
                }
            }
            if (batch.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (StoredEvent event : batch) {
                acks.add(producer.send(EventRecords.toRecord(topic, event)));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(); // throws if Kafka did not take it: the position stays, the batch is sent again
            }
            RelayPosition next = new RelayPosition(batch.getLast().position());
            next.save(c, name);
            position = next;
        }
        published.addAndGet(batch.size());
        return batch.size();
    }

    private boolean holdsLock() throws SQLException {
        if (lockHolder != null) {
            if (lockHolder.isValid(2)) {
                return true;
            }
            releaseLock(); // the session died, and the lock with it: another relay may hold it now
        }
        Connection c = dataSource.getConnection();
        try (PreparedStatement st = c.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
            st.setString(1, lockName());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    lockHolder = c;
                    position = RelayPosition.load(c, name);
                    return true;
                }
            }
        }
        c.close();
        return false;
    }

    private String lockName() {
        return "privet-outbox-relay:" + name;
    }

    private void releaseLock() {
        if (lockHolder != null) {
            try (Connection c = lockHolder;
                 PreparedStatement st = c.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
                // Unlock explicitly: a pooled connection's session outlives close().
                st.setString(1, lockName());
                st.execute();
            } catch (SQLException e) {
                LOG.debugf("relay %s: closing lock connection: %s", name, e);
            }
            lockHolder = null;
            position = null;
        }
    }

    private void awaitWake() throws InterruptedException {
        synchronized (wake) {
            if (!wakeRequested && running) {
                wake.wait(idlePoll.toMillis());
            }
            wakeRequested = false;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
