package dev.privet.network.api;

import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.network.domain.Cidr;

import java.util.HashSet;
import java.util.List;

/**
 * Checks of request fields; each failure names the field as the client sent it. Every field is bounded, so no
 * request can record an event larger than a few kilobytes (see the README's limits).
 */
final class RequestFields {
    /** The protocols of a network load balancer's listeners and target groups. */
    static final java.util.Set<String> PROTOCOLS = java.util.Set.of("TCP", "TLS", "UDP", "TCP_UDP");
    /** A DNS name's limit: target hosts are names or addresses. */
    static final int MAX_HOST_LENGTH = 253;
    /** As AWS: a load balancer spans at most one subnet per zone; 16 is more than any region has. */
    static final int MAX_SUBNETS = 16;
    /** As AWS: 50 listeners per load balancer. */
    static final int MAX_LISTENERS = 50;
    /** Privet's own bound on targets per load balancer (AWS counts them per target group: 1,000). */
    static final int MAX_TARGETS = 100;
    /** Ids are short ({@code subnet-} and 17 hex); anything much longer is not an id. */
    private static final int MAX_ID_LENGTH = 64;

    private RequestFields() {
    }

    static <T> T present(T body, String what) {
        if (body == null) {
            throw Rejection.missing(what);
        }
        return body;
    }

    static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw Rejection.missing(field);
        }
        if (value.length() > maxLength) {
            throw Rejection.invalidValue(field, field + " must be at most " + maxLength + " characters, got "
                    + value.length());
        }
        return value;
    }

    static Cidr cidr(String value, String field) {
        return Cidr.parse(text(value, field, 18)).orElseThrow(() -> Rejection.invalidValue(field,
                field + " must be an IPv4 CIDR block such as 10.0.0.0/16, got '" + value + "'"));
    }

    static String id(String value, IdFormat format, String field) {
        if (!format.matches(text(value, field, MAX_ID_LENGTH))) {
            throw Rejection.invalidValue(field, field + " must look like " + format.prefix() + "0123456789abcdef0, got '"
                    + value + "'");
        }
        return value;
    }

    static List<String> ids(List<String> values, IdFormat format, String field, int maxCount) {
        if (values == null || values.isEmpty()) {
            throw Rejection.missing(field);
        }
        atMost(values, maxCount, field);
        for (int i = 0; i < values.size(); i++) {
            id(values.get(i), format, field + "[" + i + "]");
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw Rejection.invalidValue(field, field + " names a subnet twice");
        }
        return values;
    }

    static void atMost(List<?> values, int maxCount, String field) {
        if (values.size() > maxCount) {
            throw Rejection.invalidValue(field, field + " may hold at most " + maxCount + " entries, got " + values.size());
        }
    }

    static int port(Integer port, String field) {
        if (port == null || port < 1 || port > 65535) {
            throw Rejection.invalidValue(field, field + " must be a port between 1 and 65535");
        }
        return port;
    }
}
