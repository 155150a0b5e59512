package dev.privet.network.api;

import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.contracts.events.Topic;
import dev.privet.eventstore.EventRecords;
import dev.privet.testkit.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/** Plays other services' events on the real broker, and reads what this service published. */
final class KafkaEvents {
    private static final EventCodec CODEC = new EventCodec();

    private KafkaEvents() {
    }

    static void publish(IntegrationEvent event, long version, String principal) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), event.streamId(), event.streamType(), version, 1,
                Instant.now(), EventMetadata.forRequest(principal), event);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(EventRecords.toRecord(Topic.of(event).topicName(), envelope, CODEC)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first event of the topic, read from its start, that matches; fails after 20 s. */
    static <T extends IntegrationEvent> T await(Topic topic, Class<T> type, Predicate<T> matching) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic.topicName()));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    var event = EventRecords.fromRecord(record, CODEC).map(EventEnvelope::event);
                    if (event.isPresent() && type.isInstance(event.get()) && matching.test(type.cast(event.get()))) {
                        return type.cast(event.get());
                    }
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " on " + topic.topicName() + " within 20 s");
    }
}
