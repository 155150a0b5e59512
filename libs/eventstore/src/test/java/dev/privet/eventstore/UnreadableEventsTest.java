package dev.privet.eventstore;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAccepted;
import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records this build cannot read stop their partition, are never committed past, and are applied by a build that
 * can read them. The records are written the way another service's relay writes them ({@link EventRecords}), to
 * chosen partitions. A "newer build" is the same subscription with a reader that knows more: {@link EventCodec} is
 * final and reads the sealed contracts of this build, so a test cannot add a type to it; the reader stands exactly
 * where a newer codec would.
 */
@DisplayName("a subscription stops at records this build cannot read")
class UnreadableEventsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TELEPORTED = "VpcEndpointTeleported"; // a type a later version adds

    private final StoreFixture fx = new StoreFixture();
    private final EventCodec codec = new EventCodec();
    private final String group = "view-" + UUID.randomUUID();
    private KafkaProducer<String, byte[]> producer;
    private EventSubscription subscription;

    /** Per stream: how many events were applied and the last version. */
    private final EventHandler counting = EndpointCounts::count;

    @BeforeEach
    void setUp() {
        EndpointCounts.create(fx);
        producer = new KafkaProducer<>(OutboxRelay.producerSettings(fx.bootstrap));
    }

    @AfterEach
    void tearDown() {
        if (subscription != null) {
            subscription.close();
        }
        producer.close();
    }

    @Test
    void an_unknown_event_type_stops_its_partition_until_a_build_that_knows_it_applies_it() throws Exception {
        send(0, known("a", 1));
        send(0, withHeader(known("x", 1), "ce_type", TELEPORTED)); // offset 1 of partition 0
        send(0, known("a", 2));
        send(1, known("b", 1));
        send(1, known("b", 2));

        subscription = start(EventSubscription.codecReader(codec));
        await().atMost(WAIT).until(() -> subscription.failure().isPresent() && applied("b") == 2);

        assertThat(subscription.failure().get()).isInstanceOf(UnreadableEventException.class);
        assertThat(subscription.failure().get().getMessage()).contains(fx.topic + "-0@1", "type " + TELEPORTED,
                "schema version 1", "does not know the event type");
        assertThat(rows()).containsOnlyKeys("a", "b"); // nothing of x, and a's second event waits behind it
        assertThat(applied("a")).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(committed()).containsEntry(0, 1L).containsEntry(1, 2L));
        assertThat(subscription.awaitCaughtUp(Duration.ofSeconds(1))).as("it is not caught up").isFalse();

        send(0, known("a", 3)); // more behind it in the partition: still waits
        send(1, known("b", 3)); // the other partitions go on
        await().atMost(WAIT).until(() -> applied("b") == 3);
        assertThat(applied("a")).isEqualTo(1);
        assertThat(committed()).containsEntry(0, 1L);

        subscription.close();
        subscription = start(EventSubscription.codecReader(codec)); // a restart of the same build stops there again
        await().atMost(WAIT).until(() -> subscription.failure().isPresent());
        assertThat(subscription.stoppedPartitions()).containsOnlyKeys(new TopicPartition(fx.topic, 0));

        subscription.close();
        subscription = start(newerBuildKnowing(TELEPORTED)); // the upgrade
        assertThat(subscription.awaitCaughtUp(WAIT)).isTrue();
        assertThat(subscription.failure()).isEmpty();
        assertThat(rows()).containsEntry("x", List.of(1L, 1L)).containsEntry("a", List.of(3L, 3L))
                .containsEntry("b", List.of(3L, 3L));
        await().atMost(WAIT).untilAsserted(() -> assertThat(committed()).containsEntry(0, 4L));
    }

    @Test
    void a_newer_schema_version_stops_its_partition_until_a_build_that_reads_it_applies_it() {
        send(2, known("a", 1));
        send(2, withHeader(known("n", 1), "schema_version", "2"));
        send(2, known("a", 2));

        subscription = start(EventSubscription.codecReader(codec));
        await().atMost(WAIT).until(() -> subscription.failure().isPresent() && applied("a") == 1);
        assertThat(subscription.failure().get().getMessage()).contains(fx.topic + "-2@1",
                "type VpcEndpointAccepted", "schema version 2", "reads schema versions up to 1");
        assertThat(rows()).containsOnlyKeys("a");

        subscription.close();
        subscription = start(record -> { // a build with an upcaster from version 2
            if ("2".equals(EventRecords.header(record, "schema_version"))) {
                return codec.decode(EventRecords.header(record, "ce_type"), 1, record.value())
                        .map(event -> envelope(record, event));
            }
            return EventRecords.fromRecord(record, codec);
        });
        assertThat(subscription.awaitCaughtUp(WAIT)).isTrue();
        assertThat(subscription.failure()).isEmpty();
        assertThat(rows()).containsEntry("n", List.of(1L, 1L)).containsEntry("a", List.of(2L, 2L));
    }

    @Test
    void a_malformed_record_stops_its_partition_and_is_never_committed_past() throws Exception {
        send(0, known("a", 1));
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
        send(1, known("b", 1));
        send(1, new ProducerRecord<>(fx.topic, 1, "z", codec.encode(new VpcEndpointAccepted("z")), noId));
        send(1, known("b", 2));

        subscription = start(EventSubscription.codecReader(codec));
        await().atMost(WAIT).until(() -> subscription.stoppedPartitions().size() == 2);
        assertThat(subscription.stoppedPartitions().get(new TopicPartition(fx.topic, 0)))
                .contains(fx.topic + "-0@1", "malformed", "cannot decode VpcEndpointAccepted");
        assertThat(subscription.stoppedPartitions().get(new TopicPartition(fx.topic, 1)))
                .contains(fx.topic + "-1@1", "malformed", "event null");
        assertThat(rows()).containsEntry("a", List.of(1L, 1L)).containsEntry("b", List.of(1L, 1L)).hasSize(2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(committed()).containsEntry(0, 1L).containsEntry(1, 1L));

        // No build can read these. The way on is an operator's: with the group stopped, move its offsets past them.
        subscription.close();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fx.bootstrap))) {
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(fx.topic, 0), new OffsetAndMetadata(2),
                    new TopicPartition(fx.topic, 1), new OffsetAndMetadata(2))).all().get();
        }
        subscription = start(EventSubscription.codecReader(codec));
        assertThat(subscription.awaitCaughtUp(WAIT)).isTrue();
        assertThat(subscription.failure()).isEmpty();
        assertThat(rows()).containsEntry("a", List.of(2L, 2L)).containsEntry("b", List.of(2L, 2L)).hasSize(2);
    }

    private EventSubscription start(EventSubscription.RecordReader reader) {
        EventSubscription s = new EventSubscription(group, List.of(fx.topic), fx.bootstrap, fx.transactions, counting,
                GroupMembership.DYNAMIC, reader);
        s.start();
        return s;
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

    private static EventEnvelope envelope(ConsumerRecord<String, byte[]> record,
                                          dev.privet.contracts.events.IntegrationEvent event) {
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

    private Map<Integer, Long> committed() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fx.bootstrap))) {
            Map<Integer, Long> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .forEach((tp, o) -> offsets.put(tp.partition(), o.offset()));
            return offsets;
        }
    }

    private long applied(String stream) {
        List<Long> row = rows().get(stream);
        return row == null ? 0 : row.get(0);
    }

    private Map<String, List<Long>> rows() {
        return fx.transactions.inTransaction(c -> {
            Map<String, List<Long>> rows = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("select stream_id, applied, last_version from endpoint_counts");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3)));
                }
            }
            return rows;
        });
    }
}
