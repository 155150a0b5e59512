package dev.privet.eventstore;

import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * How an event travels on Kafka: key = stream id, value = the JSON payload, and CloudEvents-style headers
 * ({@code ce_id}, {@code ce_type}, {@code ce_subject}, {@code ce_time}, {@code ce_specversion}) plus
 * {@code schema_version} and Privet's own envelope fields.
 */
public final class EventRecords {
    static final String ID = "ce_id";
    static final String TYPE = "ce_type";
    static final String SUBJECT = "ce_subject";
    static final String TIME = "ce_time";
    static final String SPEC_VERSION = "ce_specversion";
    static final String SCHEMA_VERSION = "schema_version";
    static final String STREAM_TYPE = "privet_stream_type";
    static final String STREAM_VERSION = "privet_stream_version";
    static final String CORRELATION_ID = "privet_correlation_id";
    static final String CAUSATION_ID = "privet_causation_id";
    static final String PRINCIPAL = "privet_principal";

    private EventRecords() {
    }

    static ProducerRecord<String, byte[]> toRecord(String topic, StoredEvent e) {
        Headers headers = new RecordHeaders();
        put(headers, ID, e.eventId().toString());
        put(headers, TYPE, e.type());
        put(headers, SUBJECT, e.streamId());
        put(headers, TIME, e.time().toString());
        put(headers, SPEC_VERSION, "1.0");
        put(headers, SCHEMA_VERSION, Integer.toString(e.schemaVersion()));
        put(headers, STREAM_TYPE, e.streamType());
        put(headers, STREAM_VERSION, Long.toString(e.version()));
        put(headers, CORRELATION_ID, e.correlationId() == null ? null : e.correlationId().toString());
        put(headers, CAUSATION_ID, e.causationId() == null ? null : e.causationId().toString());
        put(headers, PRINCIPAL, e.principal());
        return new ProducerRecord<>(topic, null, e.streamId(), e.payload(), headers);
    }

    /**
     * The record of an envelope, as the relay of the service that owns it would send it. Tests use it to play
     * another service's events.
     */
    public static ProducerRecord<String, byte[]> toRecord(String topic, EventEnvelope e, EventCodec codec) {
        EventMetadata m = e.metadata();
        return toRecord(topic, new StoredEvent(0, e.eventId(), e.streamId(), e.streamType(), e.version(), e.type(),
                e.schemaVersion(), e.time(), m.correlationId(), m.causationId(), m.principal(), codec.encode(e.event())));
    }

    /**
     * The envelope of a record, or empty when this build does not know its event type or schema version.
     *
     * @throws RuntimeException when the record is malformed: a header missing or unreadable, a payload that does not
     *                          decode as its type
     */
    public static Optional<EventEnvelope> fromRecord(ConsumerRecord<String, byte[]> record, EventCodec codec) {
        Headers h = record.headers();
        String type = get(h, TYPE);
        int schemaVersion = Integer.parseInt(get(h, SCHEMA_VERSION));
        return codec.decode(type, schemaVersion, record.value()).map(event -> new EventEnvelope(
                UUID.fromString(get(h, ID)), get(h, SUBJECT), get(h, STREAM_TYPE),
                Long.parseLong(get(h, STREAM_VERSION)), schemaVersion, Instant.parse(get(h, TIME)),
                new EventMetadata(uuid(get(h, CORRELATION_ID)), uuid(get(h, CAUSATION_ID)), get(h, PRINCIPAL)),
                event));
    }

    private static void put(Headers headers, String key, String value) {
        if (value != null) {
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A header of the record as text, or null when it has none. */
    static String header(ConsumerRecord<?, ?> record, String key) {
        return get(record.headers(), key);
    }

    private static String get(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static UUID uuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }
}
