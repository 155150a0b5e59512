package dev.privet.eventstore;

import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.EventRecords;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An event as stored and as sent: the envelope's fields with the payload still as JSON bytes. */
record StoredEvent(long position, UUID eventId, String streamId, String streamType, long version, String type,
                   int schemaVersion, Instant time, EventMetadata metadata, byte[] payload) {

    static final String COLUMNS = "global_position, event_id, stream_id, stream_type, version, event_type, "
            + "schema_version, occurred_at, correlation_id, causation_id, principal, trace_parent, payload::text";

    static StoredEvent read(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getLong(5), rs.getString(6), rs.getInt(7), rs.getTimestamp(8).toInstant(),
                new EventMetadata(rs.getObject(9, UUID.class), rs.getObject(10, UUID.class), rs.getString(11),
                        rs.getString(12)),
                rs.getString(13).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The record the relay sends: the stored payload as it is, with the event's headers. */
    ProducerRecord<String, byte[]> toRecord(String topic) {
        return new ProducerRecord<>(topic, null, streamId, payload, EventRecords.headers(eventId, type, schemaVersion,
                streamId, streamType, version, time, metadata));
    }

    /** The envelope, or empty when this build does not know the event's type or schema version. */
    Optional<EventEnvelope> decode(EventCodec codec) {
        return codec.decode(type, schemaVersion, payload).map(event -> new EventEnvelope(eventId, streamId, streamType,
                version, schemaVersion, time, metadata, event));
    }
}
