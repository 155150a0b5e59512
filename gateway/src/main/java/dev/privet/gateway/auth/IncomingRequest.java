package dev.privet.gateway.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as it arrived, as much as a signature covers: method, path, decoded query parameters, headers by
 * lower-case name, and the body's bytes.
 */
public record IncomingRequest(String method, String path, Map<String, List<String>> query,
                              Map<String, List<String>> headers, byte[] body) {

    public Optional<String> header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
