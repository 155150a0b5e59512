package dev.privet.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.http.PrivetHeaders;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A client's promise that a create is the same one it sent before: the REST {@value #HEADER} header (the EC2
 * {@code ClientToken} uses the same mechanism). Keys belong to an account; the request's fingerprint (a SHA-256 of
 * its JSON with sorted properties) tells a true retry from a different request reusing the key, which is refused
 * with {@code IdempotentParameterMismatch}.
 */
public record IdempotencyKey(AccountId account, String key, String fingerprint) {
    public static final String HEADER = PrivetHeaders.IDEMPOTENCY_KEY;
    /** As EC2's ClientToken: up to 64 printable ASCII characters. */
    static final int MAX_LENGTH = 64;
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** The key of a request, or none when the header is absent. */
    public static Optional<IdempotencyKey> of(AccountId caller, String header, Object request) {
        if (header == null) {
            return Optional.empty();
        }
        if (header.isEmpty() || header.length() > MAX_LENGTH || !header.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7e)) {
            throw Rejection.invalidValue(HEADER, HEADER + " must be 1 to " + MAX_LENGTH
                    + " printable ASCII characters without spaces");
        }
        return Optional.of(new IdempotencyKey(caller, header, fingerprint(request)));
    }

    private static String fingerprint(Object request) {
        try {
            byte[] json = CANONICAL.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint " + request.getClass().getSimpleName(), e);
        }
    }
}
