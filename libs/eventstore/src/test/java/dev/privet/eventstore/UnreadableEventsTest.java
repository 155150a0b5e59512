package dev.privet.eventstore;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAccepted;
import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.EventRecords;
import dev.privet.contracts.events.IntegrationEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Records this build cannot read stop their partition, are never committed past, and are applied by a build that
 * can read them. The records are written the way another service's relay writes them ({@link EventRecords}), to
 * chosen partitions. A "newer build" is the same subscription with a reader that knows more: {@link EventCodec} is
 * final and reads the sealed contracts of this build, so a test cannot add a type to it; the reader stands exactly
 * where a newer codec would.
 */
@DisplayName("a subscription stops at records this build cannot read")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UnreadableEventsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TELEPORTED = "VpcEndpointTeleported"; // a type a later version adds

    private final StoreFixture fx = new StoreFixture();
    private final EventCodec codec = new EventCodec();
    private final String group = "view-" + UUID.randomUUID();
    private KafkaProducer<String, byte[]> producer;
    private EventSubscription subscription;
    private GroupClient client;

    @BeforeEach
    void setUp() {
        EndpointCounts.create(fx);
        producer = new KafkaProducer<>(OutboxRelay.producerSettings(fx.bootstrap));
    }

    @AfterEach
    void tearDown() {
        stopClient();
        producer.close();
    }

    @Test
    void the_readable_rest_of_the_poll_is_applied_then_every_apply_throws_until_a_restart() {
        send(0, known("a", 1));
        send(0, withHeader(known("x", 1), "ce_type", TELEPORTED)); // offset 1 of partition 0
        send(0, known("a", 2));
        send(1, known("b", 1));
        send(1, known("b", 2));
        List<ConsumerRecord<String, byte[]>> poll = fx.readTopic(5);
        subscription = fx.subscription(group, EndpointCounts::count, EventSubscription.codecReader(codec));

        UnreadableEventException stop = catchUnreadable(poll);

        assertThat(stop.partition()).isEqualTo(new TopicPartition(fx.topic, 0));
        assertThat(stop.offset()).isEqualTo(1);
        assertThat(stop.eventType()).isEqualTo(TELEPORTED);
        assertThat(EndpointCounts.rows(fx)).containsOnly(Map.entry("a", List.of(1L, 1L)), Map.entry("b", List.of(2L, 2L)));
        assertThatThrownBy(() -> subscription.apply(List.of())).isSameAs(stop);
        assertThatThrownBy(() -> subscription.apply(poll)).isSameAs(stop);
        assertThat(subscription.failure()).containsSame(stop);
        assertThat(subscription.awaitCaughtUp(Duration.ofSeconds(1))).as("it is not caught up").isFalse();
        subscription.close();

        subscription = fx.subscription(group, EndpointCounts::count, newerBuildKnowing(TELEPORTED));
        subscription.apply(poll);

        assertThat(EndpointCounts.rows(fx)).containsOnly(Map.entry("a", List.of(2L, 2L)),
                Map.entry("b", List.of(2L, 2L)), Map.entry("x", List.of(1L, 1L)));
        assertThat(subscription.awaitCaughtUp(WAIT)).isTrue();
    }

    @Test
    void an_unknown_event_type_stops_its_partition_until_a_build_that_knows_it_applies_it() throws Exception {
        send(0, known("a", 1));
        startClient(EventSubscription.codecReader(codec));
        awaitAppliedAndCommitted(Map.of(0, 1L));
        send(0, withHeader(known("x", 1), "ce_type", TELEPORTED)); // offset 1 of partition 0
        send(0, known("a", 2));
        send(0, known("a", 3));

        UnreadableEventException stop = awaitStop();
        assertThat(stop.getMessage()).contains(fx.topic + "-0@1", "type " + TELEPORTED, "schema version 1",
                "does not know the event type");
        assertThat(subscription.failure()).containsSame(stop);
        assertThat(EndpointCounts.rows(fx)).containsOnly(Map.entry("a", List.of(1L, 1L))); // nothing of x, nor after it
        assertThat(fx.committedOffsets(group)).containsEntry(0, 1L);
        assertThat(subscription.awaitCaughtUp(Duration.ofSeconds(1))).as("it is not caught up").isFalse();

        stopClient();
        startClient(EventSubscription.codecReader(codec)); // a restart of the same build stops there again
        UnreadableEventException again = awaitStop();
        assertThat(again.partition()).isEqualTo(stop.partition());
        assertThat(again.offset()).isEqualTo(stop.offset());
        assertThat(EndpointCounts.rows(fx)).containsOnly(Map.entry("a", List.of(1L, 1L)));
        assertThat(fx.committedOffsets(group)).containsEntry(0, 1L);

        stopClient();
        startClient(newerBuildKnowing(TELEPORTED)); // the upgrade
        assertThat(subscription.awaitCaughtUp(WAIT)).isTrue();
        assertThat(subscription.failure()).isEmpty();
        assertThat(EndpointCounts.rows(fx)).containsOnly(Map.entry("a", List.of(3L, 3L)), Map.entry("x", List.of(1L, 1L)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(fx.committedOffsets(group)).containsEntry(0, 4L));
        assertThat(client.failure()).isEmpty();
    }

    @Test
    void a_newer_schema_version_stops_its_partition_until_a_build_that_reads_it_applies_it() throws Exception {
        send(2, known("a", 1));
        startClient(EventSubscription.codecReader(codec));
        awaitAppliedAndCommitted(Map.of(2, 1L));
        send(2, withHeader(known("n", 1), "schema_version", "2"));
        send(2, known("a", 2));

        UnreadableEventException stop = awaitStop();
        assertThat(stop.getMessage()).contains(fx.topic + "-2@1", "type VpcEndpointAccepted", "schema version 2",
                "reads schema versions up to 1");
        assertThat(EndpointCounts.rows(fx)).containsOnly(Map.entry("a", List.of(1L, 1L)));
        assertThat(fx.committedOffsets(group)).containsEntry(2, 1L);

        stopClient();
        startClient(record -> { // a build with an upcaster from version 2
            if ("2".equals(EventRecords.header(record, "schema_version"))) {
                return codec.decode(EventRecords.header(record, "ce_type"), 1, record.value())
                        .map(event -> envelope(record, event));
            }
            return EventRecords.fromRecord(record, codec);
        });
        assertThat(subscription.awaitCaughtUp(WAIT)).isTrue();
        assertThat(subscription.failure()).isEmpty();
        assertThat(EndpointCounts.rows(fx)).containsOnly(Map.entry("a", List.of(2L, 2L)), Map.entry("n", List.of(1L, 1L)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(fx.committedOffsets(group)).containsEntry(2, 3L));
    }

    @Test
    void a_malformed_record_stops_its_partition_and_is_never_committed_past() throws Exception {
        send(0, known("a", 1));
        send(1, known("b", 1));
        startClient(EventSubscription.codecReader(codec));
        awaitAppliedAndCommitted(Map.of(0, 1L, 1, 1L));
        ProducerRecord<String, byte[]> broken = known("m", 1);
        send(0, new ProducerRecord<>(fx.topic, 0, broken.key(), "{\"vpcEndpointId\": ".getBytes(StandardCharsets.UTF_8),
                broken.headers()));
        send(0, known("a", 2));
        Headers noId = new RecordHeaders();
        known("z", 1).headers().forEach(h -> {
            if (!h.key().equals("ce_id")) {
                noId.add(h);
            }
        });
        send(1, new ProducerRecord<>(fx.topic, 1, "z", codec.encode(new VpcEndpointAccepted("z")), noId));
        send(1, known("b", 2));

        // Whichever of the two it meets first stops it; the other partition's is never applied past either.
        UnreadableEventException stop = awaitStop();
        assertThat(stop.offset()).isEqualTo(1);
        assertThat(stop.getMessage()).contains(stop.partition() + "@1", "malformed", "no build can read it")
                .containsAnyOf("cannot decode VpcEndpointAccepted", "event null");
        assertThat(EndpointCounts.rows(fx)).containsOnly(Map.entry("a", List.of(1L, 1L)), Map.entry("b", List.of(1L, 1L)));
        assertThat(fx.committedOffsets(group)).containsEntry(0, 1L).containsEntry(1, 1L);

        // No build can read these. The way on is an operator's: with the group stopped, move its offsets past them.
        stopClient();
        fx.moveOffsets(group, Map.of(0, 2L, 1, 2L));
        startClient(EventSubscription.codecReader(codec));
        assertThat(subscription.awaitCaughtUp(WAIT)).isTrue();
        assertThat(subscription.failure()).isEmpty();
        assertThat(EndpointCounts.rows(fx)).containsOnly(Map.entry("a", List.of(2L, 2L)), Map.entry("b", List.of(2L, 2L)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(fx.committedOffsets(group))
                .containsEntry(0, 3L).containsEntry(1, 3L));
    }

    private void startClient(EventSubscription.RecordReader reader) {
        subscription = fx.subscription(group, EndpointCounts::count, reader);
        client = new GroupClient(subscription, fx.bootstrap);
    }

    private void stopClient() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    /** Waits until each partition's records so far are applied and their offsets committed. */
    private void awaitAppliedAndCommitted(Map<Integer, Long> offsets) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(fx.committedOffsets(group)).containsAllEntriesOf(offsets));
    }

    private UnreadableEventException awaitStop() {
        await().atMost(WAIT).until(() -> client.failure().isPresent());
        assertThat(client.failure().get()).isInstanceOf(UnreadableEventException.class);
        return (UnreadableEventException) client.failure().get();
    }

    private UnreadableEventException catchUnreadable(List<ConsumerRecord<String, byte[]>> poll) {
        try {
            subscription.apply(poll);
        } catch (UnreadableEventException e) {
            return e;
        }
        throw new AssertionError("apply did not stop at the unreadable record");
    }

    /** A build whose codec also knows {@code type}: here, an event shaped like {@link VpcEndpointAccepted}. */
    private EventSubscription.RecordReader newerBuildKnowing(String type) {
        return record -> {
            if (type.equals(EventRecords.header(record, "ce_type"))) {
                return codec.decode("VpcEndpointAccepted", 1, record.value()).map(event -> envelope(record, event));
            }
            return EventRecords.fromRecord(record, codec);
        };
    }

    private static EventEnvelope envelope(ConsumerRecord<String, byte[]> record, IntegrationEvent event) {
        return new EventEnvelope(UUID.fromString(EventRecords.header(record, "ce_id")),
                EventRecords.header(record, "ce_subject"), EventRecords.header(record, "privet_stream_type"),
                Long.parseLong(EventRecords.header(record, "privet_stream_version")), 1,
                Instant.parse(EventRecords.header(record, "ce_time")), new EventMetadata(null, null, null), event);
    }

    private ProducerRecord<String, byte[]> known(String stream, long version) {
        EventEnvelope e = new EventEnvelope(UUID.randomUUID(), stream, "vpc-endpoint", version, 1,
                Instant.now().truncatedTo(ChronoUnit.MICROS), EventMetadata.forRequest("111122223333"),
                new VpcEndpointAccepted(stream));
        return EventRecords.toRecord(fx.topic, e, codec);
    }

    private static ProducerRecord<String, byte[]> withHeader(ProducerRecord<String, byte[]> r, String key, String value) {
        Headers headers = new RecordHeaders();
        r.headers().forEach(h -> {
            if (!h.key().equals(key)) {
                headers.add(h);
            }
        });
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(r.topic(), r.partition(), r.key(), r.value(), headers);
    }

    private void send(int partition, ProducerRecord<String, byte[]> r) {
        try {
            producer.send(new ProducerRecord<>(fx.topic, partition, r.key(), r.value(), r.headers())).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
