package dev.privet.consumer.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;

/**
 * An endpoint policy in a request, as AWS takes it: a JSON object of at most {@value #MAX_LENGTH} characters. It is
 * kept as the client wrote it, and not evaluated (Privet enforces no IAM policy).
 */
final class PolicyDocuments {
    static final int MAX_LENGTH = 20_480;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyDocuments() {
    }

    /** The document of {@code field}, or null when absent. */
    static String checked(String field, String document) {
        if (document == null) {
            return null;
        }
        if (document.length() > MAX_LENGTH) {
            throw invalid(field, "The policy document is " + document.length() + " characters long; at most "
                    + MAX_LENGTH + " are allowed");
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw invalid(field, "The policy document is not valid JSON: " + e.getOriginalMessage());
        }
        if (parsed == null || !parsed.isObject()) {
            throw invalid(field, "The policy document must be a JSON object");
        }
        return document;
    }

    private static Rejection invalid(String field, String detail) {
        return Rejection.invalid(ErrorCode.INVALID_POLICY_DOCUMENT, field, detail);
    }
}
