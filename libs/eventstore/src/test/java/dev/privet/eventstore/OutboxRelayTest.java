package dev.privet.eventstore;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAccepted;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointFailed;
import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.testkit.ReusingDataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayName("outbox relay to a real Kafka broker")
class OutboxRelayTest {
    private final StoreFixture fx = new StoreFixture();

    @Test
    void publishes_every_event_keyed_by_stream_in_per_stream_order() {
        for (int i = 0; i < 10; i++) {
            fx.appendEvents(i, 5);
        }
        try (OutboxRelay relay = fx.relay()) {
            List<ConsumerRecord<String, byte[]>> records = fx.readTopic(50);

            assertThat(records).hasSize(50);
            assertThat(versionsByStream(records)).allSatisfy((stream, versions) ->
                    assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L));
            assertThat(header(records.getFirst(), "ce_type")).isEqualTo("VpcEndpointAccepted");
            assertThat(header(records.getFirst(), "ce_specversion")).isEqualTo("1.0");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(relay.unpublished()).isZero());
        }
    }

    @Test
    void counts_the_committed_events_it_has_not_published_and_sends_each_with_the_trace_it_was_appended_in()
            throws Exception {
        String traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        EventStore traced = new EventStore(new EventCodec(), EventStore.DEFAULT_MAX_EVENT_BYTES, fx.locks, List.of(),
                () -> traceParent);
        try (Connection c = fx.dataSource.getConnection()) {
            traced.append(c, 0, EventMetadata.forRequest("111122223333"),
                    List.of(new VpcEndpointAccepted(StoreFixture.endpointId(1))));
        }
        fx.appendEvents(2, 2); // no trace
        try (OutboxRelay notStarted = new OutboxRelay("test", fx.topic, fx.dataSource,
                new KafkaProducer<>(OutboxRelay.producerSettings(fx.bootstrap)), 100, Duration.ofMillis(50))) {
            assertThat(notStarted.unpublished()).isEqualTo(3);
        }

        try (OutboxRelay relay = fx.relay()) {
            List<ConsumerRecord<String, byte[]>> records = fx.readTopic(3);

            assertThat(records).filteredOn(r -> r.key().equals(StoreFixture.endpointId(1)))
                    .extracting(r -> header(r, "traceparent")).containsOnly(traceParent);
            assertThat(records).filteredOn(r -> r.key().equals(StoreFixture.endpointId(2)))
                    .allSatisfy(r -> assertThat(r.headers().lastHeader("traceparent")).isNull());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(relay.unpublished()).isZero());
        }
    }

    @Test
    void a_transaction_that_commits_late_is_published_not_skipped() throws Exception {
        try (OutboxRelay ignored = fx.relay();
             Connection longOne = fx.dataSource.getConnection()) {
            longOne.setAutoCommit(false);
            fx.store.append(longOne, 0, EventMetadata.forRequest("111122223333"),
                    List.of(new VpcEndpointAccepted(StoreFixture.endpointId(1)))); // appends first, commits last
            Thread later = Thread.ofPlatform().start(() -> {
                fx.appendEvents(2, 1); // waits for the long transaction: appends are serialised
                fx.appendEvents(3, 1);
            });
            later.join(300);
            assertThat(later.isAlive()).as("a second append waits while the first is open").isTrue();
            longOne.commit();
            later.join();

            List<ConsumerRecord<String, byte[]>> records = fx.readTopic(3);

            assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
                    StoreFixture.endpointId(1), StoreFixture.endpointId(2), StoreFixture.endpointId(3));
        }
    }

    @Test
    void a_stream_is_published_in_version_order_even_when_the_later_version_began_first() throws Exception {
        String stream = StoreFixture.endpointId(7);
        try (OutboxRelay ignored = fx.relay();
             Connection earlier = fx.dataSource.getConnection()) {
            earlier.setAutoCommit(false);
            // This transaction writes something first (a consumer's applied marker, say), so it is the older one...
            try (var write = earlier.prepareStatement("insert into outbox_relay values ('some-other-relay', 0)")) {
                write.executeUpdate();
            }
            fx.appendEvents(7, 1); // ...while a younger one appends version 1 and commits.
            fx.store.append(earlier, 1, EventMetadata.forRequest("111122223333"),
                    List.of(new VpcEndpointAccepted(stream))); // the older one appends version 2
            earlier.commit();

            List<ConsumerRecord<String, byte[]>> records = fx.readTopic(2);

            assertThat(versionsByStream(records).get(stream)).containsExactly(1L, 2L);
        }
    }

    @Test
    void events_committed_while_no_relay_ran_are_published_after_restart() {
        try (OutboxRelay relay = fx.relay()) {
            fx.appendEvents(1, 3);
            assertThat(fx.readTopic(3)).hasSize(3);
        }
        // The relay is down: these commit, and nothing publishes them yet (a crash between commit and publish).
        fx.appendEvents(2, 4);

        try (OutboxRelay restarted = fx.relay()) {
            List<ConsumerRecord<String, byte[]>> records = fx.readTopic(7);
            assertThat(versionsByStream(records).get(StoreFixture.endpointId(2))).containsExactly(1L, 2L, 3L, 4L);
        }
    }

    @Test
    void a_relay_stopped_midway_loses_nothing_and_keeps_each_stream_in_order() {
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < 5; i++) {
                    fx.appendEvents(i, 1);
                }
            }
        });
        for (int restart = 0; restart < 3; restart++) {
            try (OutboxRelay relay = fx.relay()) {
                sleep(100);
            }
        }
        join(writer);
        try (OutboxRelay last = fx.relay()) {
            List<ConsumerRecord<String, byte[]>> records = fx.readTopicUntil(r -> distinctEvents(r) >= 100);
            Map<String, List<Long>> versions = versionsByStream(records);
            assertThat(versions).hasSize(5);
            versions.values().forEach(v -> {
                // at least once: a batch sent but not yet recorded may be sent again, never skipped or reordered
                Set<Long> firstSeen = new LinkedHashSet<>(v);
                assertThat(new ArrayList<>(firstSeen)).isEqualTo(range(20));
            });
        }
    }

    @Test
    void an_event_kafka_refuses_stops_the_relay_there_without_resending_what_went_through_nor_looping_hot() {
        AtomicInteger maxRequestSize = new AtomicInteger(10_000); // the big event is 50 kB
        AtomicInteger sends = new AtomicInteger();
        AtomicInteger producersMade = new AtomicInteger();
        Supplier<Producer<String, byte[]>> producers = () -> {
            producersMade.incrementAndGet();
            Map<String, Object> settings = new HashMap<>(OutboxRelay.producerSettings(fx.bootstrap));
            settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestSize.get());
            return new KafkaProducer<>(settings) {
                @Override
                public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
                    sends.incrementAndGet();
                    return super.send(record);
                }
            };
        };
        fx.appendEvents(1, 3);
        EventEnvelope big = fx.transactions.inTransaction(c -> fx.store.append(c, 0,
                EventMetadata.forRequest("111122223333"),
                List.of(new VpcEndpointFailed(StoreFixture.endpointId(2), "x".repeat(50_000))))).getFirst();
        fx.appendEvents(3, 2); // behind the big one: they wait for it

        try (OutboxRelay relay = new OutboxRelay("test", fx.topic, fx.dataSource, producers, 100, Duration.ofMillis(50))) {
            relay.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> relay.stuck().isPresent());
            assertThat(relay.stuck().get()).contains("RecordTooLargeException", big.eventId().toString(),
                    "VpcEndpointFailed", StoreFixture.endpointId(2), "position 4", fx.topic);

            int sendsBefore = sends.get();
            long watchFrom = System.nanoTime();
            List<ConsumerRecord<String, byte[]>> before = fx.readTopicUntil( // watch the topic for 3 s
                    records -> System.nanoTime() - watchFrom > Duration.ofSeconds(3).toNanos());
            assertThat(sends.get() - sendsBefore).as("sends in 3 s while stuck (backoff, one event a try)")
                    .isBetween(1, 4);
            assertThat(relay.published()).isEqualTo(3);
            assertThat(savedPosition()).isEqualTo(3);
            assertThat(before).extracting(ConsumerRecord::key).containsOnly(StoreFixture.endpointId(1));
            assertThat(distinctEvents(before)).as("each event once").isEqualTo(before.size()).isEqualTo(3);

            maxRequestSize.set(1024 * 1024); // the fix: the next attempt runs on a producer made with it
            await().atMost(Duration.ofSeconds(40)).until(() -> relay.stuck().isEmpty());
            List<ConsumerRecord<String, byte[]>> all = fx.readTopic(6);
            assertThat(all).hasSize(6);
            assertThat(distinctEvents(all)).isEqualTo(6);
            assertThat(versionsByStream(all).get(StoreFixture.endpointId(3))).containsExactly(1L, 2L);
            assertThat(producersMade.get()).as("a new producer after each refusal").isGreaterThan(1);
        }
    }

    @Test
    void a_failure_right_after_taking_the_lock_releases_it_and_leaks_no_connection() throws Exception {
        // Through a pool, as in the services, and with a search path where outbox_relay does not exist: this relay
        // takes the lock, then reading its position fails, every time.
        PGSimpleDataSource hidden = new PGSimpleDataSource();
        hidden.setUrl(fx.dataSource.getUrl());
        hidden.setUser(fx.dataSource.getUser());
        hidden.setPassword(fx.dataSource.getPassword());
        hidden.setCurrentSchema("nowhere");
        ReusingDataSource pool = new ReusingDataSource(hidden);
        fx.appendEvents(1, 2);
        try (OutboxRelay broken = new OutboxRelay("test", fx.topic, pool,
                new KafkaProducer<>(OutboxRelay.producerSettings(fx.bootstrap)), 100, Duration.ofMillis(50))) {
            broken.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> pool.borrowed() >= 3);
            assertThat(pool.outstanding()).as("connections not given back").isLessThanOrEqualTo(1);

            try (OutboxRelay healthy = fx.relay()) { // same name: it can only publish if the lock was released
                assertThat(fx.readTopic(2)).hasSize(2);
            }
        } finally {
            pool.close();
        }
        assertThat(pool.outstanding()).isZero();
    }

    private long savedPosition() {
        return fx.transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("select last_position from outbox_relay");
                 ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    private static long distinctEvents(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> header(r, "ce_id")).distinct().count();
    }

    private static List<Long> range(int n) {
        List<Long> values = new ArrayList<>();
        for (long v = 1; v <= n; v++) {
            values.add(v);
        }
        return values;
    }

    static Map<String, List<Long>> versionsByStream(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<Long>> versions = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            versions.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Long.parseLong(header(r, "privet_stream_version")));
        }
        return versions;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
