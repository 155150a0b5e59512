package dev.privet.contracts.events;

import java.util.UUID;

/**
 * Who caused an event and why: the correlation id ties every event of one user request together across services,
 * the causation id names the event (or request) that directly caused this one, the principal is the acting account
 * or ARN. The trace parent is the W3C {@code traceparent} of the span the event was appended in, when it was traced:
 * a service that applies the event continues that trace (null when there was no trace).
 */
public record EventMetadata(UUID correlationId, UUID causationId, String principal, String traceParent) {

    /** Metadata with no trace: the event store adds the current one, if any, when it appends. */
    public EventMetadata(UUID correlationId, UUID causationId, String principal) {
        this(correlationId, causationId, principal, null);
    }

    /** Metadata for events caused directly by a request of {@code principal}. */
    public static EventMetadata forRequest(String principal) {
        UUID requestId = UUID.randomUUID();
        return new EventMetadata(requestId, requestId, principal);
    }

    /**
     * Metadata for events a service appends in reaction to {@code cause}: same correlation, same principal, and the
     * cause's trace unless the store appends them within a span of its own.
     */
    public static EventMetadata causedBy(EventEnvelope cause) {
        return new EventMetadata(cause.metadata().correlationId(), cause.eventId(), cause.metadata().principal(),
                cause.metadata().traceParent());
    }

    /** The same metadata in the trace {@code traceParent} (kept as it is when that is null). */
    public EventMetadata inTrace(String traceParent) {
        return traceParent == null ? this : new EventMetadata(correlationId, causationId, principal, traceParent);
    }
}
