package dev.privet.network.api;

import dev.privet.contracts.ids.IdFormat;
import dev.privet.network.domain.Cidr;
import dev.privet.runtime.ApiException;

import java.util.HashSet;
import java.util.List;

/** Checks of request fields; each failure names the field as the client sent it. */
final class RequestFields {
    private RequestFields() {
    }

    static <T> T present(T body, String what) {
        if (body == null) {
            throw ApiException.missing(what);
        }
        return body;
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.missing(field);
        }
        return value;
    }

    static Cidr cidr(String value, String field) {
        return Cidr.parse(text(value, field)).orElseThrow(() -> ApiException.invalid(field,
                field + " must be an IPv4 CIDR block such as 10.0.0.0/16, got '" + value + "'"));
    }

    static String id(String value, IdFormat format, String field) {
        if (!format.matches(text(value, field))) {
            throw ApiException.invalid(field, field + " must look like " + format.prefix() + "0123456789abcdef0, got '" + value + "'");
        }
        return value;
    }

    static List<String> ids(List<String> values, IdFormat format, String field) {
        if (values == null || values.isEmpty()) {
            throw ApiException.missing(field);
        }
        for (int i = 0; i < values.size(); i++) {
            id(values.get(i), format, field + "[" + i + "]");
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw ApiException.invalid(field, field + " names a subnet twice");
        }
        return values;
    }

    static int port(Integer port, String field) {
        if (port == null || port < 1 || port > 65535) {
            throw ApiException.invalid(field, field + " must be a port between 1 and 65535");
        }
        return port;
    }
}
