package dev.privet.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A recorded event with everything around it: its id, its stream and version there, the schema version of its
 * payload, when it happened and its metadata. This is what the event store returns and what travels on Kafka.
 */
public record EventEnvelope(UUID eventId, String streamId, String streamType, long version, int schemaVersion,
                            Instant time, EventMetadata metadata, IntegrationEvent event) {

    /** The event's type name, as stored and as sent in the {@code ce_type} header. */
    public String type() {
        return event.eventType();
    }
}
