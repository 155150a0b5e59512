package dev.privet.contracts.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns events into JSON payloads and back. The registry of type names is read from the sealed hierarchy, so a new
 * event record is known the moment it is declared. Every event is at schema version 1 today; when a payload changes
 * shape, the new record gets version 2 and an upcaster from 1 is added here, so old events stay readable.
 */
public final class EventCodec {
    public static final int CURRENT_SCHEMA_VERSION = 1;

    private static final Map<String, Class<? extends IntegrationEvent>> TYPES = registry();

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public byte[] encode(IntegrationEvent event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event.eventType(), e);
        }
    }

    /**
     * The event of the given type, or empty when this build does not know the type (an event a newer version of
     * another service added: readers skip what they do not know).
     */
    public Optional<IntegrationEvent> decode(String type, int schemaVersion, byte[] payload) {
        Class<? extends IntegrationEvent> cls = TYPES.get(type);
        if (cls == null || schemaVersion > CURRENT_SCHEMA_VERSION) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(payload, cls));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + type + " v" + schemaVersion, e);
        }
    }

    public static boolean isKnownType(String type) {
        return TYPES.containsKey(type);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends IntegrationEvent>> registry() {
        Map<String, Class<? extends IntegrationEvent>> types = new HashMap<>();
        for (Class<?> family : IntegrationEvent.class.getPermittedSubclasses()) {
            for (Class<?> type : family.getPermittedSubclasses()) {
                types.put(type.getSimpleName(), (Class<? extends IntegrationEvent>) type);
            }
        }
        return Map.copyOf(types);
    }
}
