package dev.privet.dns;

import dev.privet.contracts.events.DnsEvent;
import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.Topic;
import dev.privet.eventstore.EventRecords;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

/** What dns-service published on privet.dns.events, read from the start of the topic with a plain consumer. */
final class DnsTopic implements AutoCloseable {
    private final EventCodec codec = new EventCodec();
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<EventEnvelope> seen = new ArrayList<>();

    DnsTopic() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EventPlayer.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(Topic.DNS.topicName()));
    }

    /** Waits for the endpoint's event of the given type. */
    <T extends DnsEvent> T await(Class<T> type, String vpcEndpointId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> find(type, vpcEndpointId) != null);
        return find(type, vpcEndpointId);
    }

    /** The endpoint's events seen so far, after reading what is there now. */
    List<DnsEvent> eventsOf(String vpcEndpointId) {
        poll();
        return seen.stream().filter(e -> e.streamId().equals(vpcEndpointId)).map(e -> (DnsEvent) e.event()).toList();
    }

    private <T extends DnsEvent> T find(Class<T> type, String vpcEndpointId) {
        return eventsOf(vpcEndpointId).stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> EventRecords.fromRecord(r, codec).ifPresent(seen::add));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
