package dev.privet.provider.api;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.contracts.events.Topic;
import dev.privet.testkit.PublishedEvents;

import java.util.List;

/** Other services' events for provider-service's tests, through the testkit's {@link PublishedEvents}. */
final class ForeignEvents {
    private ForeignEvents() {
    }

    /** Publishes {@code event} as its owning service's relay would, at stream version 1. */
    static void publish(IntegrationEvent event, String principal) {
        PublishedEvents.onTestBroker().publish(event, 1, principal);
    }

    /** Every event on the topic so far, from the beginning. */
    static List<EventEnvelope> readAll(Topic topic) {
        return PublishedEvents.onTestBroker().readAll(topic);
    }
}
