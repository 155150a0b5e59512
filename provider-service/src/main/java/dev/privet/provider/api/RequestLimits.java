package dev.privet.provider.api;

import dev.privet.contracts.errors.Rejection;

import java.util.List;

/**
 * The bounds every request field is held to, checked before anything else looks at the value: a list's size before
 * its elements, a string's length before its format, so an oversized request is refused quickly, naming the field,
 * and its value is never echoed back.
 */
final class RequestLimits {
    /** AWS's limit on an ARN's length (IAM, ELB). */
    static final int MAX_ARN_LENGTH = 2048;

    private RequestLimits() {
    }

    /** Refuses a list of more than {@code max} elements, naming the list. */
    static void atMost(String field, List<?> values, int max, String what) {
        if (values.size() > max) {
            throw Rejection.invalidValue(field, "at most " + max + " " + what + " per request, got " + values.size());
        }
    }

    /** Refuses a value longer than {@code max} characters, naming the field; the format check handles the rest. */
    static void length(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw Rejection.invalidValue(field, "at most " + max + " characters, got " + value.length());
        }
    }
}
