package dev.privet.network.api;

import dev.privet.contracts.errors.Rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One attribute a modify request names, as Elastic Load Balancing takes them for target groups, load balancers and
 * listeners: 1 to {@value #MAX} in a request, each a key and a value of text (possibly empty), refused by the field
 * {@code attributes[i].key} or {@code .value}. Each resource reads the keys it knows; any other is refused in Elastic
 * Load Balancing's own words ({@link #unrecognized}), which the Terraform AWS provider matches to drop the key and
 * retry.
 */
record RequestedAttribute(String key, String value, int index) {
    /** Elastic Load Balancing takes at most 20 attributes in one call. */
    static final int MAX = 20;

    /** The request's attributes, in order, once there is at least one and each has a key and a value. */
    static List<RequestedAttribute> of(NetworkDtos.ModifyAttributes body) {
        RequestFields.present(body, "body");
        if (body.attributes() == null || body.attributes().isEmpty()) {
            throw Rejection.missing("attributes");
        }
        RequestFields.atMost(body.attributes(), MAX, "attributes");
        List<RequestedAttribute> attributes = new ArrayList<>();
        for (int i = 0; i < body.attributes().size(); i++) {
            NetworkDtos.Attribute attribute = RequestFields.present(body.attributes().get(i), "attributes[" + i + "]");
            String key = RequestFields.text(attribute.key(), "attributes[" + i + "].key", 256);
            String value = RequestFields.present(attribute.value(), "attributes[" + i + "].value");
            if (value.length() > 1024) {
                throw Rejection.invalidValue("attributes[" + i + "].value", "attributes[" + i + "].value must be at "
                        + "most 1024 characters, got " + value.length());
            }
            attributes.add(new RequestedAttribute(key, value, i));
        }
        return attributes;
    }

    String keyField() {
        return "attributes[" + index + "].key";
    }

    String valueField() {
        return "attributes[" + index + "].value";
    }

    /** The value, {@code true} or {@code false}. */
    boolean bool() {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key + " must be true or false, got " + shown(value));
        };
    }

    /** The value, one of {@code allowed}. */
    String oneOf(Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw invalid(key + " must be one of " + new java.util.TreeSet<>(allowed) + ", got " + shown(value));
        }
        return value;
    }

    /** The value, a whole number from {@code min} to {@code max}. */
    int number(int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, as a number out of bounds is
        }
        throw invalid(key + " must be a number from " + min + " to " + max + ", got " + shown(value));
    }

    /** The value is refused, for {@code reason}. */
    Rejection invalid(String reason) {
        return Rejection.invalidValue(valueField(), reason);
    }

    /** A key the resource does not have: Elastic Load Balancing's words, which clients match. */
    Rejection unrecognized() {
        return Rejection.invalidValue(keyField(), "attribute key '" + shown(key) + "' is not recognized");
    }

    private static String shown(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
