package dev.privet.eventstore;

import org.apache.kafka.common.TopicPartition;

/**
 * A record a subscription cannot read with this build: its event type is unknown, its schema version is newer than
 * this build knows, or it is malformed. The subscription stops at it in its partition: it neither applies it nor
 * commits its offset or any after it, so a build that can read it (or an operator who moves the offset past a record
 * no build can read) takes over exactly there.
 */
public final class UnreadableEventException extends RuntimeException {
    private final TopicPartition partition;
    private final long offset;
    private final String eventId;
    private final String eventType;
    private final String schemaVersion;

    UnreadableEventException(String subscription, TopicPartition partition, long offset, String eventId,
                             String eventType, String schemaVersion, String why, boolean malformed, Throwable cause) {
        super("subscription " + subscription + " stopped at " + partition + "@" + offset + " (event " + eventId
                + ", type " + eventType + ", schema version " + schemaVersion + "): " + why
                + "; nothing at or after this offset in the partition is applied or committed "
                + (malformed ? "until an operator moves the group's offset past it (no build can read it)"
                        : "until a build that can read it runs"), cause);
        this.partition = partition;
        this.offset = offset;
        this.eventId = eventId;
        this.eventType = eventType;
        this.schemaVersion = schemaVersion;
    }

    public TopicPartition partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    /** The {@code ce_id} header, or null when the record has none. */
    public String eventId() {
        return eventId;
    }

    /** The {@code ce_type} header, or null when the record has none. */
    public String eventType() {
        return eventType;
    }

    /** The {@code schema_version} header as sent, or null when the record has none. */
    public String schemaVersion() {
        return schemaVersion;
    }
}
