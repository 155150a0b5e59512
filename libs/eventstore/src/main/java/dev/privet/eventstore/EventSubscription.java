package dev.privet.eventstore;

import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventRecords;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The idempotent side of a subscription to other services' topics: a Kafka client (in the services, SmallRye
 * Reactive Messaging's connector) polls the records and hands each poll to {@link #apply}; this class applies them
 * with the handler, exactly once in effect. The handler's effect and the records' bookkeeping ({@link AppliedEvents}:
 * the partition's position and the event-id marker) commit in one PostgreSQL transaction per poll, and the client
 * commits its offsets only after {@code apply} returns. So a redelivered event (after a crash, a rebalance, offsets
 * reset, or a copy the relay published again) is recognised and changes nothing. The positions in the database, not
 * the Kafka offsets, are the authority on what was applied: any replica, a restarted one, or a rebuild reads them.
 *
 * <p>Events of one partition are never skipped or reordered. A poll whose transaction fails is retried with backoff
 * until it commits (or the subscription closes); after {@value #TROUBLE_REPORTED_AFTER_SECONDS} s of failures
 * {@link #failure()} reports it. A record this build cannot read (unknown type, newer schema version, malformed)
 * is not applied, nor anything after it in its partition: the readable rest of the poll is applied, then
 * {@link #apply} throws {@link UnreadableEventException}, which stops the client at that record without committing
 * it, so a build that can read it takes over exactly there.
 *
 * <p>{@link #awaitCaughtUp} lets a request confirm a miss against everything published so far, and {@link #rebuild}
 * empties a read model and replays the topics from the start while the live client goes on.
 */
public final class EventSubscription implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventSubscription.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final long TROUBLE_REPORTED_AFTER_SECONDS = 30;
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);
    private static final long PRUNE_AFTER_RECORDS = 10_000;
    /** How often a request waiting to catch up reads the positions other replicas wrote. */
    private static final long POSITION_READ_EVERY_NANOS = Duration.ofMillis(10).toNanos();
    /** A replay that reads nothing for this long while records remain below the ends gives up (and changes nothing). */
    private static final Duration REPLAY_STALLED_AFTER = Duration.ofSeconds(30);

    /** Reads a record into an event; empty when this build does not know its type or schema version. */
    @FunctionalInterface
    interface RecordReader {
        Optional<EventEnvelope> read(ConsumerRecord<String, byte[]> record);
    }

    /** Empties a read model's tables before a rebuild. */
    @FunctionalInterface
    public interface ReadModelReset {
        void reset(Connection connection) throws SQLException;
    }

    private final String name;
    private final List<String> topics;
    private final String bootstrapServers;
    private final Transactions transactions;
    private final AdvisoryLocks locks;
    private final EventHandler handler;
    private final RecordReader reader;
    private volatile AppliedEvents.Retention retention = AppliedEvents.Retention.DEFAULT;
    /** The positions this process has committed, per partition: a lower bound of the database's. */
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private volatile boolean closed;
    /** Why the subscription cannot go on without an operator or a newer build; null while it can. */
    private volatile RuntimeException stopped;
    /** A poll that keeps failing: it is retried, and reported once it has failed for a while. */
    private volatile RuntimeException trouble;
    private volatile long troubleSince;
    private final Object adminLock = new Object();
    private Admin admin;
    private long lastPrune = System.nanoTime();
    private long appliedSincePrune;

    /**
     * @param name the consumer group's id: it also keys the positions and markers
     * @param topics the topics the group subscribes to
     */
    public EventSubscription(String name, List<String> topics, String bootstrapServers, Transactions transactions,
                             AdvisoryLocks locks, EventHandler handler) {
        this(name, topics, bootstrapServers, transactions, locks, handler, codecReader(new EventCodec()));
    }

    /** With another reader: tests stand in for a newer build, whose codec knows more, with it. */
    EventSubscription(String name, List<String> topics, String bootstrapServers, Transactions transactions,
                      AdvisoryLocks locks, EventHandler handler, RecordReader reader) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.bootstrapServers = bootstrapServers;
        this.transactions = transactions;
        this.locks = locks;
        this.handler = handler;
        this.reader = reader;
    }

    static RecordReader codecReader(EventCodec codec) {
        return record -> EventRecords.fromRecord(record, codec);
    }

    public String name() {
        return name;
    }

    public List<String> topics() {
        return topics;
    }

    /** How long event-id markers are kept (see {@link AppliedEvents}); the default suits production. */
    public EventSubscription retainMarkers(AppliedEvents.Retention retention) {
        this.retention = retention;
        return this;
    }

    /**
     * Applies one poll's records, in order within each partition, in one transaction, retrying it with backoff until
     * it commits. Records at or below a partition's position, and copies of events applied before, change nothing.
     *
     * @throws UnreadableEventException after applying the rest, when a record cannot be read by this build: the
     *                                  client must not commit it, and stop
     * @throws IllegalStateException when the subscription was closed before the records were applied
     */
    public void apply(Iterable<ConsumerRecord<String, byte[]>> records) {
        if (stopped != null) {
            throw stopped; // a poll after the stop: nothing more is applied until a restart
        }
        List<Delivery> readable = new ArrayList<>();
        Set<TopicPartition> blocked = new HashSet<>();
        UnreadableEventException unreadable = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            if (blocked.contains(tp)) {
                continue;
            }
            Optional<UnreadableEventException> fault = Optional.empty();
            try {
                Optional<EventEnvelope> event = reader.read(record);
                if (event.isPresent()) {
                    readable.add(new Delivery(tp, record.offset(), event.get()));
                } else {
                    fault = Optional.of(unreadable(record, tp, unknownBecause(record), false, null));
                }
            } catch (RuntimeException malformed) {
                fault = Optional.of(unreadable(record, tp, "the record is malformed (" + malformed + ")", true,
                        malformed));
            }
            if (fault.isPresent()) {
                blocked.add(tp);
                unreadable = unreadable == null ? fault.get() : unreadable;
            }
        }
        applyUntilDone(readable);
        if (unreadable != null) {
            stopped = unreadable;
            LOG.error(unreadable.getMessage());
            throw unreadable;
        }
        maybePrune();
    }

    /**
     * Starts each newly assigned partition at the later of the client's position and the one recorded in the
     * database (an offset commit may have failed, or expired while the group was empty), so what was applied is not
     * read again. A recorded position beyond the end of the log means the topic was recreated or truncated under
     * this consumer: its new records would pass for ones applied before, so the subscription reports it and stops.
     * Call it from the client's rebalance listener, on its polling thread.
     */
    public void onAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> recorded;
        Map<TopicPartition, Long> ends;
        try {
            recorded = transactions.inTransaction(c -> AppliedEvents.positions(c, name, partitions));
            ends = recorded.isEmpty() ? Map.of() : consumer.endOffsets(recorded.keySet());
        } catch (WakeupException | InterruptException e) {
            throw e; // the client is shutting down
        } catch (RuntimeException e) {
            // The check per record still holds; only the shortcut and the recreated-topic check are skipped.
            LOG.warnf("subscription %s: cannot read its recorded positions (%s)", name, e.toString());
            return;
        }
        recorded.forEach((tp, position) -> {
            Long end = ends.get(tp);
            if (end != null && position > end) {
                stopped = new IllegalStateException("subscription " + name + " stopped at " + tp + ": it has applied"
                        + " records up to offset " + position + " but the partition ends at " + end + ", so the topic"
                        + " was recreated or truncated; rebuild this consumer");
                LOG.error(stopped.getMessage());
            } else if (position > consumer.position(tp)) {
                consumer.seek(tp, position);
            }
            positions.merge(tp, position, Math::max);
        });
    }

    /**
     * Why the subscription is not applying everything, if it is not: it stopped at a record this build cannot read
     * or at a recreated topic, or its polls have failed to commit for a while (it keeps trying).
     */
    public Optional<RuntimeException> failure() {
        if (stopped != null) {
            return Optional.of(stopped);
        }
        RuntimeException failing = trouble;
        if (failing != null && System.nanoTime() - troubleSince > TimeUnit.SECONDS.toNanos(TROUBLE_REPORTED_AFTER_SECONDS)) {
            return Optional.of(failing);
        }
        return Optional.empty();
    }

    /** Stops retrying: a poll being retried gives up, and its records are delivered again to whoever runs next. */
    @Override
    public void close() {
        closed = true;
        synchronized (adminLock) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
                admin = null;
            }
        }
    }

    /**
     * Waits until this subscription, in whichever replica owns each partition, has applied every event published to
     * its topics before the call, or the timeout passes.
     *
     * @return whether it caught up in time
     */
    public boolean awaitCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Map<TopicPartition, Long> ends = endOffsets(deadline);
            long lastRead = 0;
            while (true) {
                List<TopicPartition> behind = ends.entrySet().stream()
                        .filter(end -> positions.getOrDefault(end.getKey(), 0L) < end.getValue())
                        .map(Map.Entry::getKey).toList();
                if (behind.isEmpty()) {
                    return true;
                }
                if (System.nanoTime() - lastRead >= POSITION_READ_EVERY_NANOS) {
                    // Another replica may own them: its progress is in the database.
                    lastRead = System.nanoTime();
                    transactions.inTransaction(c -> AppliedEvents.positions(c, name, behind))
                            .forEach((tp, position) -> positions.merge(tp, position, Math::max));
                    continue;
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            LOG.warnf("subscription %s: cannot tell whether it caught up: %s", name, e.toString());
            return false;
        }
    }

    /**
     * How many records of its topics this subscription has not applied yet, in whichever replica owns each partition:
     * the partitions' ends less the positions in the database. It counts while the subscription is stopped too (at an
     * unreadable record, say), when the Kafka client's own lag metrics are gone with its consumer.
     *
     * @throws IllegalStateException when Kafka cannot tell the ends within {@code timeout}
     */
    public long lag(Duration timeout) throws InterruptedException {
        Map<TopicPartition, Long> ends = endOffsets(System.nanoTime() + timeout.toNanos());
        Map<TopicPartition, Long> applied = transactions.inTransaction(c -> AppliedEvents.positions(c, name,
                ends.keySet()));
        return ends.entrySet().stream()
                .mapToLong(end -> Math.max(0, end.getValue() - applied.getOrDefault(end.getKey(), 0L))).sum();
    }

    /**
     * Empties the read model and replays every event of the topics, from the start up to their ends, in one
     * transaction: it takes the subscription's lock (the live client's polls wait, and fail over to a retry, until
     * it commits), reads the ends, runs {@code reset}, forgets the positions and markers, and applies the replay
     * with a client of its own that belongs to no group. Then the live client goes on: what it holds below the new
     * positions is recognised as applied. Any replica may do it while the others run; a failure leaves everything
     * as it was.
     *
     * @throws UnreadableEventException when the replay meets a record this build cannot read (nothing changes)
     */
    public void rebuild(ReadModelReset reset) {
        try (KafkaConsumer<String, byte[]> replay = new KafkaConsumer<>(replaySettings())) {
            transactions.inTransaction(c -> {
                locks.lockSubscription(c, name);
                Map<TopicPartition, Long> ends;
                try {
                    ends = endOffsets(System.nanoTime() + Duration.ofSeconds(30).toNanos());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while rebuilding " + name, e);
                }
                reset.reset(c);
                AppliedEvents.forget(c, name);
                replay.assign(ends.keySet());
                replay.seekToBeginning(ends.keySet());
                Map<TopicPartition, Long> unread = new HashMap<>(ends);
                unread.values().removeIf(end -> end == 0);
                long lastRecord = System.nanoTime();
                while (!unread.isEmpty()) {
                    var polled = replay.poll(Duration.ofMillis(200));
                    if (!polled.isEmpty()) {
                        lastRecord = System.nanoTime();
                    } else if (System.nanoTime() - lastRecord > REPLAY_STALLED_AFTER.toNanos()) {
                        throw new IllegalStateException("the replay of " + name + " got no records for "
                                + REPLAY_STALLED_AFTER.toSeconds() + " s with " + unread + " still to read");
                    }
                    for (ConsumerRecord<String, byte[]> record : polled) {
                        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                        Long end = unread.get(tp);
                        if (end != null && record.offset() < end) {
                            applyOne(c, new Delivery(tp, record.offset(), readForReplay(record, tp)));
                        }
                    }
                    // By position, not by the last record: the offsets below the end need not all be records.
                    unread.entrySet().removeIf(end -> replay.position(end.getKey()) >= end.getValue());
                }
                return ends;
            }).forEach(positions::put); // only once committed: the positions held here never run ahead
        }
    }

    /**
     * Deletes the event-id markers no republished copy can still need (see {@link AppliedEvents}). The subscription
     * does it on its own every minute, or every {@value #PRUNE_AFTER_RECORDS} records; this runs it now.
     *
     * @return how many markers were deleted
     */
    public int pruneMarkers() {
        AppliedEvents.Retention keep = retention;
        return transactions.inTransaction(c -> AppliedEvents.prune(c, name, keep));
    }

    /** One readable record of a poll. */
    private record Delivery(TopicPartition partition, long offset, EventEnvelope event) {
    }

    private void applyUntilDone(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                transactions.inTransaction(c -> {
                    locks.lockSubscriptionShared(c, name); // a rebuild holds it exclusively while it replays
                    for (Delivery d : deliveries) {
                        applyOne(c, d);
                    }
                    return null;
                });
                deliveries.forEach(d -> positions.merge(d.partition(), d.offset() + 1, Math::max));
                appliedSincePrune += deliveries.size();
                trouble = null;
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    throw new IllegalStateException("subscription " + name + " closed before it applied its poll", e);
                }
                if (trouble == null) {
                    troubleSince = System.nanoTime();
                }
                Delivery first = deliveries.getFirst();
                trouble = new IllegalStateException("applying the poll from " + first.partition() + "@"
                        + first.offset() + " keeps failing: " + e, e);
                LOG.warnf("subscription %s: applying %d records from %s@%d failed (%s); retrying in %d ms", name,
                        deliveries.size(), first.partition(), first.offset(), e, backoff.toMillis());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while applying " + name, ie);
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * A record below the partition's position was applied before; one at a new offset with a known event id is a
     * copy the relay published again. Either way the handler does not run.
     */
    private void applyOne(Connection c, Delivery d) throws SQLException {
        if (AppliedEvents.advance(c, name, d.partition(), d.offset())
                && AppliedEvents.markApplied(c, name, d.event().eventId(), d.partition(), d.offset())) {
            handler.handle(c, d.event());
        }
    }

    private EventEnvelope readForReplay(ConsumerRecord<String, byte[]> record, TopicPartition tp) {
        Optional<EventEnvelope> event;
        try {
            event = reader.read(record);
        } catch (RuntimeException malformed) {
            throw unreadable(record, tp, "the record is malformed (" + malformed + ")", true, malformed);
        }
        return event.orElseThrow(() -> unreadable(record, tp, unknownBecause(record), false, null));
    }

    private UnreadableEventException unreadable(ConsumerRecord<String, byte[]> record, TopicPartition tp, String why,
                                                boolean malformed, Throwable cause) {
        return new UnreadableEventException(name, tp, record.offset(), EventRecords.header(record, EventRecords.ID),
                EventRecords.header(record, EventRecords.TYPE),
                EventRecords.header(record, EventRecords.SCHEMA_VERSION), why, malformed, cause);
    }

    private static String unknownBecause(ConsumerRecord<String, byte[]> record) {
        String type = EventRecords.header(record, EventRecords.TYPE);
        if (type == null || !EventCodec.isKnownType(type)) {
            return "this build does not know the event type " + type;
        }
        return "this build reads schema versions up to " + EventCodec.CURRENT_SCHEMA_VERSION + " of " + type;
    }

    private void maybePrune() {
        if (appliedSincePrune < PRUNE_AFTER_RECORDS && System.nanoTime() - lastPrune < PRUNE_EVERY.toNanos()) {
            return;
        }
        lastPrune = System.nanoTime();
        appliedSincePrune = 0;
        try {
            int pruned = pruneMarkers();
            LOG.debugf("subscription %s: pruned %d applied markers", name, pruned);
        } catch (RuntimeException e) {
            LOG.warnf("subscription %s: pruning applied markers failed (%s); trying again later", name, e.toString());
        }
    }

    /** The end offset of every partition of the topics now. */
    private Map<TopicPartition, Long> endOffsets(long deadline) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin().describeTopics(topics).allTopicNames().get(remaining(deadline), TimeUnit.NANOSECONDS)
                    .forEach((topic, description) -> description.partitions().forEach(p ->
                            request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin().listOffsets(request).all().get(remaining(deadline), TimeUnit.NANOSECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the ends of " + topics + " are unknown: " + e, e);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }

    private Admin admin() {
        synchronized (adminLock) {
            if (closed) {
                throw new IllegalStateException("subscription " + name + " is closed");
            }
            if (admin == null) {
                admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
            }
            return admin;
        }
    }

    private Map<String, Object> replaySettings() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }
}
