package dev.privet.dns;

import dev.privet.contracts.events.DnsEvent;
import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventRecords;
import dev.privet.contracts.events.Topic;
import dev.privet.testkit.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** What dns-service published on privet.dns.events, read from the start of the topic with a plain consumer. */
final class DnsTopic implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final EventCodec codec = new EventCodec();
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<EventEnvelope> seen = new ArrayList<>();

    DnsTopic() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(Topic.DNS.topicName()));
    }

    /** Waits for the endpoint's event of the given type. */
    <T extends DnsEvent> T await(Class<T> type, String vpcEndpointId) {
        Awaitility.await().atMost(PATIENCE).until(() -> find(type, vpcEndpointId) != null);
        return find(type, vpcEndpointId);
    }

    /**
     * Reads the topic until each of the endpoints has an event of the given type, and hands each such event to
     * {@code atArrival} the moment the poll that read it returns, before reading on.
     */
    synchronized <T extends DnsEvent> void onArrival(Class<T> type, Set<String> vpcEndpointIds, Consumer<T> atArrival) {
        Set<String> waiting = new HashSet<>(vpcEndpointIds);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!waiting.isEmpty()) {
            assertThat(System.nanoTime()).as("events of %s still missing", waiting).isLessThan(deadline);
            for (EventEnvelope envelope : poll()) {
                if (type.isInstance(envelope.event()) && waiting.remove(envelope.streamId())) {
                    atArrival.accept(type.cast(envelope.event()));
                }
            }
        }
    }

    /** The endpoint's events seen so far, after reading what is there now. */
    synchronized List<DnsEvent> eventsOf(String vpcEndpointId) {
        poll();
        return seen.stream().filter(e -> e.streamId().equals(vpcEndpointId)).map(e -> (DnsEvent) e.event()).toList();
    }

    private <T extends DnsEvent> T find(Class<T> type, String vpcEndpointId) {
        return eventsOf(vpcEndpointId).stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    /** Reads what is on the topic now; returns what was new. */
    private List<EventEnvelope> poll() {
        List<EventEnvelope> fresh = new ArrayList<>();
        consumer.poll(Duration.ofMillis(100)).forEach(r -> EventRecords.fromRecord(r, codec).ifPresent(fresh::add));
        seen.addAll(fresh);
        return fresh;
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
