package dev.privet.network.api;

import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.contracts.events.Topic;
import dev.privet.testkit.PublishedEvents;

import java.time.Duration;
import java.util.function.Predicate;

/** Other services' events for network-service's tests, and what it published, through {@link PublishedEvents}. */
final class KafkaEvents {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private KafkaEvents() {
    }

    static void publish(IntegrationEvent event, long version, String principal) {
        PublishedEvents.onTestBroker().publish(event, version, principal);
    }

    /** The first event of the topic, read from its start, that matches; fails after 20 s. */
    static <T extends IntegrationEvent> T await(Topic topic, Class<T> type, Predicate<T> matching) {
        return PublishedEvents.onTestBroker().await(topic, type, matching, PATIENCE);
    }
}
