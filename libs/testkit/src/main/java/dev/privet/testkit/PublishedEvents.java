package dev.privet.testkit;

import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.EventRecords;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.contracts.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Events on a real broker exactly as the services publish them: a test plays another service's events as that
 * service's relay would (its family's topic, the stream id as key, the wire headers of {@link EventRecords}), and
 * reads what the service under test published. The one place tests make and read event records.
 */
public final class PublishedEvents implements AutoCloseable {
    private static final EventCodec CODEC = new EventCodec();
    private static PublishedEvents onTestBroker;

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;

    public PublishedEvents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** The events of the JVM's test broker ({@link TestInfrastructure#kafka()}); it stops with the JVM. */
    public static synchronized PublishedEvents onTestBroker() {
        if (onTestBroker == null) {
            onTestBroker = new PublishedEvents(TestInfrastructure.kafka().bootstrapServers());
        }
        return onTestBroker;
    }

    /** The envelope the relay of the event's owner sends for it, at {@code version} of its stream. */
    public static EventEnvelope envelope(IntegrationEvent event, long version, String principal) {
        return new EventEnvelope(UUID.randomUUID(), event.streamId(), event.streamType(), version,
                EventCodec.CURRENT_SCHEMA_VERSION, Instant.now(), EventMetadata.forRequest(principal), event);
    }

    /** Publishes the event as its owner's relay would, and returns once the broker has it. */
    public EventEnvelope publish(IntegrationEvent event, long version, String principal) {
        EventEnvelope envelope = envelope(event, version, principal);
        try {
            send(envelope).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + event, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish " + event, e.getCause());
        }
        return envelope;
    }

    /** Sends the envelope on its family's topic; the future completes once the broker has it. */
    public Future<RecordMetadata> send(EventEnvelope envelope) {
        return send(EventRecords.toRecord(Topic.of(envelope.event()).topicName(), envelope, CODEC));
    }

    /** Sends a record as it is: one a newer build would publish, or a malformed one. */
    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        return producer.send(record);
    }

    /** Every event on the topic so far, from its start, in each partition's order. */
    public List<EventEnvelope> readAll(Topic topic) {
        try (KafkaConsumer<String, byte[]> consumer = reader()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<EventEnvelope> events = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    EventRecords.fromRecord(record, CODEC).ifPresent(events::add);
                }
            }
            return events;
        }
    }

    /**
     * The first event on the topic, read from its start, of {@code type} that matches.
     *
     * @throws AssertionError when none came within {@code patience}
     */
    public <T extends IntegrationEvent> T await(Topic topic, Class<T> type, Predicate<T> matching, Duration patience) {
        return type.cast(awaitEnvelope(topic, type, matching, patience).event());
    }

    /** Like {@link #await}, with the envelope the event came in. */
    public <T extends IntegrationEvent> EventEnvelope awaitEnvelope(Topic topic, Class<T> type, Predicate<T> matching,
                                                                   Duration patience) {
        try (KafkaConsumer<String, byte[]> consumer = reader()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + patience.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Optional<EventEnvelope> envelope = EventRecords.fromRecord(record, CODEC);
                    if (envelope.isPresent() && type.isInstance(envelope.get().event())
                            && matching.test(type.cast(envelope.get().event()))) {
                        return envelope.get();
                    }
                }
            }
        }
        throw new AssertionError("no matching " + type.getSimpleName() + " on " + topic.topicName() + " within "
                + patience.toSeconds() + " s");
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private KafkaConsumer<String, byte[]> reader() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }
}
