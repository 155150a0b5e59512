package dev.privet.dns;

import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.contracts.events.Topic;
import dev.privet.eventstore.EventRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** Plays other services' events: publishes them on their topics as those services' relays would. */
final class EventPlayer {
    private static final EventCodec CODEC = new EventCodec();

    private EventPlayer() {
    }

    /** Publishes {@code event} and returns it as it went out (its event id names the reactions' applied markers). */
    static EventEnvelope publish(IntegrationEvent event) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), event.streamId(), event.streamType(), 1, 1,
                Instant.now(), EventMetadata.forRequest("111122223333"), event);
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(EventRecords.toRecord(Topic.of(event).topicName(), envelope, CODEC)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot publish " + event, e);
        }
        return envelope;
    }

    static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
