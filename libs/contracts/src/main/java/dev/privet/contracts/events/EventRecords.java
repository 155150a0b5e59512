package dev.privet.contracts.events;

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
 * How an event travels on Kafka, the wire contract between the services: topic = its family's ({@link Topic}),
 * key = stream id, value = the JSON payload ({@link EventCodec}), and CloudEvents-style headers ({@code ce_id},
 * {@code ce_type}, {@code ce_subject}, {@code ce_time}, {@code ce_specversion}) plus {@code schema_version},
 * Privet's own envelope fields, and the W3C {@code traceparent} of a traced event, under the name OpenTelemetry's
 * propagators and Kafka instrumentations read.
 */
public final class EventRecords {
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SCHEMA_VERSION = "schema_version";
    public static final String STREAM_TYPE = "privet_stream_type";
    public static final String STREAM_VERSION = "privet_stream_version";
    public static final String CORRELATION_ID = "privet_correlation_id";
    public static final String CAUSATION_ID = "privet_causation_id";
    public static final String PRINCIPAL = "privet_principal";
    public static final String TRACE_PARENT = "traceparent";

    private EventRecords() {
    }

    /** The record of an envelope, as the relay of the service that owns it sends it. */
    public static ProducerRecord<String, byte[]> toRecord(String topic, EventEnvelope e, EventCodec codec) {
        return new ProducerRecord<>(topic, null, e.streamId(), codec.encode(e.event()), headers(e.eventId(),
                e.type(), e.schemaVersion(), e.streamId(), e.streamType(), e.version(), e.time(), e.metadata()));
    }

    /** The headers of an event's record; a relay that stored the payload already encoded sends it with these. */
    public static Headers headers(UUID eventId, String type, int schemaVersion, String streamId, String streamType,
                                  long version, Instant time, EventMetadata metadata) {
        Headers headers = new RecordHeaders();
        put(headers, ID, eventId.toString());
        put(headers, TYPE, type);
        put(headers, SUBJECT, streamId);
        put(headers, TIME, time.toString());
        put(headers, SPEC_VERSION, "1.0");
        put(headers, SCHEMA_VERSION, Integer.toString(schemaVersion));
        put(headers, STREAM_TYPE, streamType);
        put(headers, STREAM_VERSION, Long.toString(version));
        put(headers, CORRELATION_ID, metadata.correlationId() == null ? null : metadata.correlationId().toString());
        put(headers, CAUSATION_ID, metadata.causationId() == null ? null : metadata.causationId().toString());
        put(headers, PRINCIPAL, metadata.principal());
        put(headers, TRACE_PARENT, metadata.traceParent());
        return headers;
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
                new EventMetadata(uuid(get(h, CORRELATION_ID)), uuid(get(h, CAUSATION_ID)), get(h, PRINCIPAL),
                        get(h, TRACE_PARENT)),
                event));
    }

    private static void put(Headers headers, String key, String value) {
        if (value != null) {
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A header of the record as text, or null when it has none. */
    public static String header(ConsumerRecord<?, ?> record, String key) {
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
