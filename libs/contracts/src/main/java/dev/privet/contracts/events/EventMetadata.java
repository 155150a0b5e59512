package dev.privet.contracts.events;

import java.util.UUID;

/**
 * Who caused an event and why: the correlation id ties every event of one user request together across services,
 * the causation id names the event (or request) that directly caused this one, the principal is the acting account
 * or ARN.
 */
public record EventMetadata(UUID correlationId, UUID causationId, String principal) {

    /** Metadata for events caused directly by a request of {@code principal}. */
    public static EventMetadata forRequest(String principal) {
        UUID requestId = UUID.randomUUID();
        return new EventMetadata(requestId, requestId, principal);
    }

    /** Metadata for events a service appends in reaction to {@code cause}: same correlation, same principal. */
    public static EventMetadata causedBy(EventEnvelope cause) {
        return new EventMetadata(cause.metadata().correlationId(), cause.eventId(), cause.metadata().principal());
    }
}
