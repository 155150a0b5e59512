package dev.privet.gateway.query;

import dev.privet.gateway.auth.Identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One Query API request being handled: its parameters, who makes it, the way to the services, and the SDK's
 * invocation id ({@code amz-sdk-invocation-id}), which the AWS SDKs and the CLI keep the same across their retries.
 */
public record QueryCall(QueryParameters params, Identity identity, ServiceCalls services, String region,
                        Optional<String> invocationId) {
    /** What a service takes as an Idempotency-Key: 1 to 64 printable ASCII characters. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,64}");
    private static final Pattern INVOCATION = Pattern.compile("[0-9a-fA-F-]{1,40}");

    /** Who the request acts for: its account and principal, as the services are told. */
    public Identity caller() {
        return identity;
    }

    /**
     * The Idempotency-Key of a create: its {@code ClientToken}, else the SDK's invocation id, so a create the SDK
     * retries after a lost or late answer (a 503 after the commit) returns the resource it made instead of a second
     * one; none when the request has neither.
     */
    public Optional<String> idempotencyKey(Optional<String> clientToken) {
        if (clientToken.isPresent()) {
            if (!KEY.matcher(clientToken.get()).matches()) {
                throw QueryFault.invalidValue("ClientToken must be 1 to 64 printable ASCII characters");
            }
            return clientToken;
        }
        return invocationId.filter(id -> INVOCATION.matcher(id).matches()).map(id -> "sdk-invocation-" + id);
    }
}
