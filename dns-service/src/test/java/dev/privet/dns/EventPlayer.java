package dev.privet.dns;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.testkit.PublishedEvents;

/** Plays other services' events: publishes them on their topics as those services' relays would. */
final class EventPlayer {
    private static final String ACCOUNT = "111122223333";

    private EventPlayer() {
    }

    /** Publishes {@code event} and returns it as it went out (its event id names the reactions' applied markers). */
    static EventEnvelope publish(IntegrationEvent event) {
        return PublishedEvents.onTestBroker().publish(event, 1, ACCOUNT);
    }
}
