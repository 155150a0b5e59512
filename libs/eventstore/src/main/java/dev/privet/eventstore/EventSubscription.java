package dev.privet.eventstore;

import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An idempotent consumer: reads topics in a consumer group named after the subscription and applies each event
 * with its handler. The handler's effect and the event's "applied" marker ({@link AppliedEvents}) commit in one
 * PostgreSQL transaction; Kafka offsets are committed only after that, so a redelivered event (after a crash, a
 * rebalance, or offsets reset to zero) is recognised and changes nothing.
 *
 * <p>A handler that fails is retried with backoff on the same event: events of one partition are never skipped or
 * reordered. {@link #awaitCaughtUp} lets a request confirm a miss against everything published so far, and
 * {@link #rebuild} drops a read model and replays the topics from the start.
 */
public final class EventSubscription implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventSubscription.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final String name;
    private final List<String> topics;
    private final String bootstrapServers;
    private final Transactions transactions;
    private final EventHandler handler;
    private final EventCodec codec = new EventCodec();
    /** Next offset to apply, per partition this instance owns; updated after each database commit. */
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Throwable failure;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;
    private final Object adminLock = new Object();
    private Admin admin;

    public EventSubscription(String name, List<String> topics, String bootstrapServers, Transactions transactions,
                             EventHandler handler) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.bootstrapServers = bootstrapServers;
        this.transactions = transactions;
        this.handler = handler;
    }

    public String name() {
        return name;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        failure = null;
        consumer = new KafkaConsumer<>(consumerSettings());
        thread = Thread.ofPlatform().name("subscription-" + name).daemon().start(this::run);
    }

    /** Why the subscription stopped consuming on its own, if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public synchronized void close() {
        stop();
        synchronized (adminLock) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
                admin = null;
            }
        }
    }

    /**
     * Drops the read model and replays every event from the start of the topics: stops consuming, sets the group's
     * offsets back to zero, runs {@code reset} (which empties the handler's tables) and forgets the applied markers
     * in one transaction, then consumes again. Every instance of the group must be stopped first (Kafka refuses to
     * move the offsets of a group with live members); one instance per service does it today.
     */
    public synchronized void rebuild(ReadModelReset reset) {
        stop();
        try {
            // Rewind first: if that fails, the read model is untouched and consumption resumes where it was.
            // If the reset fails after it, the markers survive and the replay changes nothing.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            endOffsets(deadline).keySet().forEach(tp -> zero.put(tp, new OffsetAndMetadata(0)));
            admin().alterConsumerGroupOffsets(name, zero).all().get(remaining(deadline), TimeUnit.NANOSECONDS);
            transactions.inTransaction(c -> {
                reset.reset(c);
                AppliedEvents.forget(c, name);
                return null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rewinding " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot rewind " + name + ": " + e, e);
        } finally {
            start();
        }
    }

    /**
     * Waits until this subscription has applied every event published to its topics before the call, or the
     * timeout passes.
     *
     * @return whether it caught up in time
     */
    public boolean awaitCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Map<TopicPartition, Long> ends = endOffsets(deadline);
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = null;
                boolean caughtUp = true;
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    Long position = positions.get(end.getKey());
                    if (position == null) { // owned by another instance, or not assigned yet
                        if (committed == null) {
                            committed = admin().listConsumerGroupOffsets(name).partitionsToOffsetAndMetadata()
                                    .get(remaining(deadline), TimeUnit.NANOSECONDS);
                        }
                        OffsetAndMetadata offset = committed.get(end.getKey());
                        position = offset == null ? 0L : offset.offset();
                    }
                    if (position < end.getValue()) {
                        caughtUp = false;
                        break;
                    }
                }
                if (caughtUp) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("subscription %s: cannot tell whether it caught up: %s", name, e.toString());
            return false;
        }
    }

    /** Empties a read model's tables before a rebuild. */
    @FunctionalInterface
    public interface ReadModelReset {
        void reset(java.sql.Connection connection) throws java.sql.SQLException;
    }

    private Map<TopicPartition, Long> endOffsets(long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin().describeTopics(topics).allTopicNames().get(remaining(deadline), TimeUnit.NANOSECONDS)
                .forEach((topic, description) -> description.partitions().forEach(p ->
                        request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin().listOffsets(request).all().get(remaining(deadline), TimeUnit.NANOSECONDS)
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static long remaining(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }

    private Admin admin() {
        synchronized (adminLock) { // not the subscription's lock: a rebuild holds that for a while
            if (admin == null) {
                admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
            }
            return admin;
        }
    }

    private void stop() {
        Thread t = thread;
        if (!running || t == null) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            t.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    private Map<String, Object> consumerSettings() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, name,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> c = consumer) {
            c.subscribe(topics, new Rebalance(c));
            while (running) {
                var records = c.poll(POLL);
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (!applyUntilDone(record)) {
                        return; // stopping: this record's offset stays uncommitted and is read again next time
                    }
                    positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                }
                if (!records.isEmpty()) {
                    commit(c, ownedPositions(c.assignment()));
                }
            }
        } catch (WakeupException e) {
            // stop() woke the consumer up
        } catch (RuntimeException | Error e) {
            failure = e; // a broken build or a broken broker: readiness reports it rather than a silent dead thread
            LOG.errorf(e, "subscription %s stopped", name);
        } finally {
            positions.clear();
            running = false; // a subscription that failed can be started again
        }
    }

    /**
     * Commits offsets. A commit that fails (the group rebalanced while a handler was retrying, the broker is away)
     * only means these events are delivered again, which the markers make harmless: log it and go on.
     */
    private void commit(KafkaConsumer<String, byte[]> c, Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            c.commitSync(offsets);
        } catch (CommitFailedException | RetriableException e) {
            LOG.warnf("subscription %s: offsets not committed (%s); those events will be delivered again", name, e);
        }
    }

    private boolean applyUntilDone(ConsumerRecord<String, byte[]> record) {
        Duration backoff = Duration.ofMillis(50);
        while (running) {
            try {
                apply(record);
                return true;
            } catch (RuntimeException e) {
                LOG.warnf("subscription %s: applying %s@%d failed (%s); retrying in %d ms", name,
                        record.topic(), record.offset(), e, backoff.toMillis());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        return false;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        Optional<EventEnvelope> event;
        try {
            event = EventRecords.fromRecord(record, codec);
        } catch (RuntimeException malformed) {
            // No build can ever read it; retrying would stop the partition for good.
            LOG.errorf("subscription %s: skipping malformed record %s-%d@%d: %s", name, record.topic(),
                    record.partition(), record.offset(), malformed);
            return;
        }
        if (event.isEmpty()) {
            return; // a type or schema this build does not know: not ours to read
        }
        transactions.inTransaction(c -> {
            if (AppliedEvents.markApplied(c, name, event.get().eventId())) {
                handler.handle(c, event.get());
            }
            return null;
        });
    }

    private Map<TopicPartition, OffsetAndMetadata> ownedPositions(Collection<TopicPartition> owned) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : owned) {
            Long position = positions.get(tp);
            if (position != null) {
                offsets.put(tp, new OffsetAndMetadata(position));
            }
        }
        return offsets;
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> consumer;

        Rebalance(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commit(consumer, ownedPositions(partitions));
            partitions.forEach(positions::remove);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(positions::remove); // no longer ours: nothing to commit
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                positions.put(tp, consumer.position(tp));
            }
        }
    }
}
