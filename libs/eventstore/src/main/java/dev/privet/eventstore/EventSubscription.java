package dev.privet.eventstore;

import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidGroupIdException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An idempotent consumer: reads topics in a consumer group named after the subscription and applies each event
 * with its handler. The handler's effect and the record's bookkeeping ({@link AppliedEvents}: the partition's
 * position, and the event-id marker) commit in one PostgreSQL transaction; Kafka offsets are committed only after
 * that, so a redelivered event (after a crash, a rebalance, offsets reset to zero, or a copy the relay published
 * again) is recognised and changes nothing.
 *
 * <p>Events of one partition are never skipped or reordered. A handler that fails is retried with backoff on the
 * same event. A record this build cannot read (unknown type, newer schema version, malformed) stops its partition
 * right there ({@link UnreadableEventException}, reported by {@link #failure()}): it is not applied and neither its
 * offset nor any later one is committed, so a build that can read it takes over at exactly that record. The other
 * partitions go on.
 *
 * <p>A failed offset commit only means redelivery, and a rebalance is normal: neither stops the subscription. The
 * group uses the cooperative sticky assignor, so a replica joining or leaving moves only the partitions that change
 * hands, and the others keep flowing. {@link #awaitCaughtUp} lets a request confirm a miss against everything
 * published so far, and {@link #rebuild} drops a read model and replays the topics from the start.
 */
public final class EventSubscription implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventSubscription.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** A poll that keeps failing for this long makes {@link #failure()} report it, while the loop keeps trying. */
    private static final Duration POLL_TROUBLE_REPORTED_AFTER = Duration.ofSeconds(30);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);
    private static final long PRUNE_AFTER_RECORDS = 10_000;

    /** Reads a record into an event; empty when this build does not know its type or schema version. */
    @FunctionalInterface
    interface RecordReader {
        Optional<EventEnvelope> read(ConsumerRecord<String, byte[]> record);
    }

    private final String name;
    private final List<String> topics;
    private final String bootstrapServers;
    private final Transactions transactions;
    private final EventHandler handler;
    private final GroupMembership membership;
    private final RecordReader reader;
    private volatile AppliedEvents.Retention retention = AppliedEvents.Retention.DEFAULT;
    /** Next offset to apply, per partition this instance owns; updated after each database commit. */
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    /** The partitions this instance stopped consuming, and why; the record at the position is the one at fault. */
    private final Map<TopicPartition, RuntimeException> stopped = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Throwable failure;
    /** A handler that keeps failing on one record: it is retried, and reported once it has failed for a while. */
    private volatile RuntimeException handlerTrouble;
    private volatile long handlerTroubleSince;
    private volatile KafkaException pollTrouble;
    private volatile long pollTroubleSince;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;
    private final Object adminLock = new Object();
    private Admin admin;
    private long lastPrune = System.nanoTime();
    private long appliedSincePrune;

    public EventSubscription(String name, List<String> topics, String bootstrapServers, Transactions transactions,
                             EventHandler handler) {
        this(name, topics, bootstrapServers, transactions, handler, GroupMembership.DYNAMIC);
    }

    public EventSubscription(String name, List<String> topics, String bootstrapServers, Transactions transactions,
                             EventHandler handler, GroupMembership membership) {
        this(name, topics, bootstrapServers, transactions, handler, membership, codecReader(new EventCodec()));
    }

    /** With another reader: tests stand in for a newer build, whose codec knows more, with it. */
    EventSubscription(String name, List<String> topics, String bootstrapServers, Transactions transactions,
                      EventHandler handler, GroupMembership membership, RecordReader reader) {
        this.membership = membership;
        this.name = name;
        this.topics = List.copyOf(topics);
        this.bootstrapServers = bootstrapServers;
        this.transactions = transactions;
        this.handler = handler;
        this.reader = reader;
    }

    static RecordReader codecReader(EventCodec codec) {
        return record -> EventRecords.fromRecord(record, codec);
    }

    public String name() {
        return name;
    }

    /** How long event-id markers are kept (see {@link AppliedEvents}); the default suits production. */
    public EventSubscription retainMarkers(AppliedEvents.Retention retention) {
        this.retention = retention;
        return this;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        failure = null;
        pollTrouble = null;
        stopped.clear();
        consumer = new KafkaConsumer<>(consumerSettings());
        thread = Thread.ofPlatform().name("subscription-" + name).daemon().start(this::run);
    }

    /**
     * Why the subscription is not consuming everything, if it is not: it stopped on its own (a fatal Kafka error, a
     * broken build), a partition is stopped at a record this build cannot read ({@link UnreadableEventException}), or
     * polling has failed for a while (it keeps trying).
     */
    public Optional<Throwable> failure() {
        if (failure != null) {
            return Optional.of(failure);
        }
        Optional<Throwable> firstStopped = stopped.entrySet().stream()
                .min(Map.Entry.comparingByKey(Comparator.comparing(TopicPartition::topic)
                        .thenComparingInt(TopicPartition::partition)))
                .map(Map.Entry::getValue);
        if (firstStopped.isPresent()) {
            return firstStopped;
        }
        KafkaException trouble = pollTrouble;
        if (trouble != null && System.nanoTime() - pollTroubleSince > POLL_TROUBLE_REPORTED_AFTER.toNanos()) {
            return Optional.of(trouble);
        }
        RuntimeException failing = handlerTrouble;
        if (failing != null && System.nanoTime() - handlerTroubleSince > POLL_TROUBLE_REPORTED_AFTER.toNanos()) {
            return Optional.of(failing);
        }
        return Optional.empty();
    }

    /** The partitions this instance stopped at a record it cannot read, and why; empty when all flow. */
    public Map<TopicPartition, String> stoppedPartitions() {
        Map<TopicPartition, String> reasons = new LinkedHashMap<>();
        stopped.forEach((tp, why) -> reasons.put(tp, why.getMessage()));
        return reasons;
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
     * and positions in one transaction, then consumes again. Every instance of the group must be stopped first
     * (Kafka refuses to move the offsets of a group with live members; a stopped instance leaves the group, static
     * member or not); one instance per service does it today.
     */
    public synchronized void rebuild(ReadModelReset reset) {
        stop();
        try {
            // Rewind first: if that fails, the read model is untouched and consumption resumes where it was.
            // If the reset fails after it, the positions and markers survive and the replay changes nothing.
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
     * Deletes the event-id markers no republished copy can still need (see {@link AppliedEvents}). The subscription
     * does it on its own every minute; this runs it now.
     *
     * @return how many markers were deleted
     */
    public int pruneMarkers() {
        AppliedEvents.Retention keep = retention;
        return transactions.inTransaction(c -> AppliedEvents.prune(c, name, keep));
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
        Map<String, Object> settings = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, name,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) membership.sessionTimeout().toMillis(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) membership.sessionTimeout().toMillis() / 4));
        membership.instanceId().ifPresent(id -> settings.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        // Incremental rebalancing: a replica that joins or leaves moves only the partitions that change hands.
        // (Members of the default [range, cooperative-sticky] list upgrade to this in one rolling restart.)
        settings.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of(CooperativeStickyAssignor.class));
        return settings;
    }

    private void run() {
        KafkaConsumer<String, byte[]> c = consumer;
        try {
            c.subscribe(topics, new Rebalance(c));
            Duration pollBackoff = POLL;
            while (running) {
                ConsumerRecords<String, byte[]> records;
                try {
                    records = c.poll(POLL);
                    pollTrouble = null;
                    pollBackoff = POLL;
                } catch (RecordDeserializationException e) {
                    stopAt(c, e.topicPartition(), e.offset(), null, "the record cannot be deserialised", true, e);
                    continue;
                } catch (WakeupException | InterruptException e) {
                    throw e;
                } catch (KafkaException e) {
                    if (isFatal(e)) {
                        throw e;
                    }
                    // A rebalance in progress, a coordinator moving, a broker away, a rebalance callback that
                    // failed (its commit only means redelivery): poll again, which also completes a rebalance.
                    pollFailed(e, pollBackoff);
                    sleep(pollBackoff);
                    pollBackoff = pollBackoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
                            : pollBackoff.multipliedBy(2);
                    continue;
                }
                for (TopicPartition tp : records.partitions()) {
                    if (!applyPartition(c, tp, records.records(tp))) {
                        return; // stopping: the record at hand stays uncommitted and is read again next time
                    }
                }
                if (!records.isEmpty()) {
                    commit(c, ownedPositions(c.assignment()));
                }
                maybePrune();
            }
        } catch (WakeupException | InterruptException e) {
            // stop() woke the consumer up
        } catch (RuntimeException | Error e) {
            failure = e; // a broken build or a broken broker: readiness reports it rather than a silent dead thread
            LOG.errorf(e, "subscription %s stopped", name);
        } finally {
            // Leave the group even as a static member: an orderly stop hands the partitions on at once, and a
            // rebuild can only move the offsets of a group without members.
            closeQuietly(c);
            positions.clear();
            running = false; // a subscription that failed can be started again
        }
    }

    /** Errors no retry will cure: they end the subscription, and readiness reports them. */
    private static boolean isFatal(KafkaException e) {
        return e instanceof FencedInstanceIdException // another process runs with this instance id
                || e instanceof AuthenticationException || e instanceof AuthorizationException
                || e instanceof InvalidTopicException || e instanceof InvalidGroupIdException
                || e instanceof UnsupportedVersionException || e instanceof InvalidConfigurationException;
    }

    private void pollFailed(KafkaException e, Duration backoff) {
        if (pollTrouble == null) {
            pollTroubleSince = System.nanoTime();
            LOG.warnf("subscription %s: poll failed (%s); polling again in %d ms", name, e, backoff.toMillis());
        } else {
            LOG.debugf("subscription %s: poll failed again (%s)", name, e);
        }
        pollTrouble = e;
    }

    /** Applies the partition's records in order; false when the subscription is stopping. */
    private boolean applyPartition(KafkaConsumer<String, byte[]> c, TopicPartition tp,
                                   List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (stopped.containsKey(tp)) {
                return true;
            }
            Optional<EventEnvelope> event;
            try {
                event = reader.read(record);
            } catch (RuntimeException malformed) {
                stopAt(c, tp, record.offset(), record, "the record is malformed (" + malformed + ")", true, malformed);
                return true;
            }
            if (event.isEmpty()) {
                stopAt(c, tp, record.offset(), record, unknownBecause(record), false, null);
                return true;
            }
            if (!applyUntilDone(tp, record, event.get())) {
                return false;
            }
            positions.put(tp, record.offset() + 1);
        }
        return true;
    }

    private static String unknownBecause(ConsumerRecord<String, byte[]> record) {
        String type = EventRecords.header(record, EventRecords.TYPE);
        if (type == null || !EventCodec.isKnownType(type)) {
            return "this build does not know the event type " + type;
        }
        return "this build reads schema versions up to " + EventCodec.CURRENT_SCHEMA_VERSION + " of " + type;
    }

    /**
     * Stops consuming the partition at {@code offset}: the record there is not applied, and neither its offset nor a
     * later one is committed. The partition stays paused while this instance owns it; whoever owns it next (this
     * build again, or a newer one) starts at the same record.
     */
    private void stopAt(KafkaConsumer<String, byte[]> c, TopicPartition tp, long offset,
                        ConsumerRecord<String, byte[]> record, String why, boolean malformed, Throwable cause) {
        UnreadableEventException stop = new UnreadableEventException(name, tp, offset,
                record == null ? null : EventRecords.header(record, EventRecords.ID),
                record == null ? null : EventRecords.header(record, EventRecords.TYPE),
                record == null ? null : EventRecords.header(record, EventRecords.SCHEMA_VERSION), why, malformed,
                cause);
        halt(c, tp, offset, stop);
    }

    private void halt(KafkaConsumer<String, byte[]> c, TopicPartition tp, long offset, RuntimeException why) {
        stopped.put(tp, why);
        positions.put(tp, offset);
        c.pause(Set.of(tp));
        c.seek(tp, offset); // forget what was fetched after it
        LOG.error(why.getMessage());
    }

    private void closeQuietly(KafkaConsumer<String, byte[]> c) {
        try {
            c.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(5)));
        } catch (RuntimeException e) {
            LOG.warnf("subscription %s: closing the consumer: %s", name, e.toString());
        }
    }

    /**
     * Commits offsets. A commit that fails for any reason (a rebalance in progress or completed without us, the
     * coordinator moving, the broker away, this member fenced) only means these events are delivered again, which
     * the positions and markers make harmless: log it and go on; a fatal condition shows in the next poll.
     */
    private void commit(KafkaConsumer<String, byte[]> c, Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            c.commitSync(offsets);
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warnf("subscription %s: offsets not committed (%s); those events will be delivered again", name, e);
        }
    }

    private boolean applyUntilDone(TopicPartition tp, ConsumerRecord<String, byte[]> record, EventEnvelope event) {
        Duration backoff = Duration.ofMillis(50);
        while (running) {
            try {
                apply(tp, record, event);
                appliedSincePrune++;
                handlerTrouble = null;
                return true;
            } catch (RuntimeException e) {
                if (handlerTrouble == null) {
                    handlerTroubleSince = System.nanoTime();
                }
                handlerTrouble = new IllegalStateException("applying " + tp + "@" + record.offset() + " keeps failing: "
                        + e, e);
                LOG.warnf("subscription %s: applying %s@%d failed (%s); retrying in %d ms", name, tp, record.offset(),
                        e, backoff.toMillis());
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

    private void apply(TopicPartition tp, ConsumerRecord<String, byte[]> record, EventEnvelope event) {
        transactions.inTransaction(c -> {
            // A record below the partition's position was applied before; one at a new offset with a known event id
            // is a copy the relay published again. Either way the handler does not run.
            if (AppliedEvents.advance(c, name, tp, record.offset())
                    && AppliedEvents.markApplied(c, name, event.eventId(), tp, record.offset())) {
                handler.handle(c, event);
            }
            return null;
        });
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

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
            partitions.forEach(stopped::remove); // whoever owns them next stops at the same record, and says so
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(positions::remove); // no longer ours: nothing to commit
            partitions.forEach(stopped::remove);
        }

        /**
         * Starts each partition at the later of the committed offset and the position recorded in the database (the
         * commit may have failed, or expired while the group was empty). A position beyond the end of the log means
         * the topic was recreated or truncated under this consumer: its records would be taken for ones applied
         * before, so the partition is stopped until the consumer is rebuilt.
         */
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> applied = Map.of();
            Map<TopicPartition, Long> ends = Map.of();
            try {
                applied = transactions.inTransaction(c -> AppliedEvents.positions(c, name, partitions));
                ends = applied.isEmpty() ? Map.of() : consumer.endOffsets(partitions);
            } catch (WakeupException | InterruptException e) {
                throw e;
            } catch (RuntimeException e) {
                // The check per record still holds; only the shortcut and the recreated-topic check are skipped.
                LOG.warnf("subscription %s: cannot read its recorded positions (%s)", name, e.toString());
            }
            for (TopicPartition tp : partitions) {
                long position = consumer.position(tp);
                Long recorded = applied.get(tp);
                Long end = ends.get(tp);
                if (recorded != null && end != null && recorded > end) {
                    halt(consumer, tp, position, new IllegalStateException("subscription " + name + " stopped at "
                            + tp + ": it has applied records up to offset " + recorded + " but the partition ends at "
                            + end + ", so the topic was recreated or truncated; rebuild this consumer"));
                    continue;
                }
                if (recorded != null && recorded > position) {
                    consumer.seek(tp, recorded);
                    position = recorded;
                }
                positions.put(tp, position);
            }
        }
    }
}
