package dev.privet.eventstore;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAccepted;
import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.testkit.Database;
import dev.privet.testkit.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** A fresh database with the event store schema, and a fresh topic, on the real servers of the testkit. */
final class StoreFixture {
    static final int PARTITIONS = 3;
    final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    final Transactions transactions;
    final EventStore store = new EventStore(new EventCodec());
    final AdvisoryLocks locks = new AdvisoryLocks(5_000);
    final String topic = "test.events." + UUID.randomUUID();
    final String bootstrap = TestInfrastructure.kafka().bootstrapServers();

    StoreFixture() {
        Database db = TestInfrastructure.postgres().createDatabase("eventstore");
        dataSource.setUrl(db.jdbcUrl());
        dataSource.setUser(db.username());
        dataSource.setPassword(db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/eventstore").load().migrate();
        transactions = new Transactions(dataSource);
        try (Admin admin = admin()) {
            EventTopics.ensure(admin, List.of(topic), PARTITIONS, (short) 1);
        }
    }

    static String endpointId(int i) {
        return String.format("vpce-%017x", i);
    }

    /** Appends {@code count} events to the stream of endpoint {@code i}, one transaction each. */
    void appendEvents(int i, int count) {
        for (int n = 0; n < count; n++) {
            transactions.inTransaction(c -> {
                long version = store.version(c, endpointId(i));
                return store.append(c, version, EventMetadata.forRequest("111122223333"),
                        List.of(new VpcEndpointAccepted(endpointId(i))));
            });
        }
    }

    /** A subscription of this fixture's topic, as this build reads it; pair it with a {@link GroupClient}. */
    EventSubscription subscription(String name, EventHandler handler) {
        return new EventSubscription(name, List.of(topic), bootstrap, transactions, locks, handler);
    }

    /** A subscription of this fixture's topic that reads records with {@code reader}: a newer build, say. */
    EventSubscription subscription(String name, EventHandler handler, EventSubscription.RecordReader reader) {
        return new EventSubscription(name, List.of(topic), bootstrap, transactions, locks, handler, reader);
    }

    /** The consumer group's committed offset per partition of the topic (none for a partition it never committed). */
    Map<Integer, Long> committedOffsets(String group) throws Exception {
        try (Admin admin = admin()) {
            Map<Integer, Long> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .forEach((tp, o) -> offsets.put(tp.partition(), o.offset()));
            return offsets;
        }
    }

    /** Sets the consumer group's offsets, as an operator does; the group must have no member running. */
    void moveOffsets(String group, Map<Integer, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
        offsets.forEach((partition, offset) ->
                moved.put(new TopicPartition(topic, partition), new OffsetAndMetadata(offset)));
        try (Admin admin = admin()) {
            admin.alterConsumerGroupOffsets(group, moved).all().get();
        }
    }

    /** Moves every partition of the group back to offset zero: everything is delivered again. */
    void resetOffsetsToZero(String group) throws Exception {
        Map<Integer, Long> zero = new HashMap<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            zero.put(partition, 0L);
        }
        moveOffsets(group, zero);
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    OutboxRelay relay() {
        OutboxRelay relay = new OutboxRelay("test", topic, dataSource,
                new KafkaProducer<>(OutboxRelay.producerSettings(bootstrap)), 100, Duration.ofMillis(50));
        relay.start();
        return relay;
    }

    /** Every record of the topic, read from the start until {@code expected} arrived or 20 s passed. */
    List<ConsumerRecord<String, byte[]>> readTopic(int expected) {
        return readTopicUntil(records -> records.size() >= expected);
    }

    /** Every record of the topic, read from the start until {@code done} holds or 20 s passed. */
    List<ConsumerRecord<String, byte[]>> readTopicUntil(Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!done.test(records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }
}
