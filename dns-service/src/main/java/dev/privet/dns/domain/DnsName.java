package dev.privet.dns.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A domain name as hosted zones hold it: lower case, with the final dot. At most 253 characters without that dot
 * (RFC 1035), labels of 1 to 63 letters, digits, hyphens and underscores (underscores for names such as
 * {@code _privet-verify.example.com}, which verification TXT records use). Names are compared case-insensitively, so
 * they are kept in one case.
 */
public final class DnsName {
    public static final int MAX_LENGTH = 253;
    private static final Pattern LABELS = Pattern.compile("[a-z0-9_-]{1,63}(\\.[a-z0-9_-]{1,63})*");

    private DnsName() {
    }

    /** The name lower case with its final dot, or empty when it is not a domain name of the rules above. */
    public static Optional<String> normalized(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.length() > MAX_LENGTH || !LABELS.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of(name + ".");
    }

    /** Whether a normalized name is {@code zone} or a name under it. */
    public static boolean isAtOrUnder(String name, String zone) {
        return name.equals(zone) || name.endsWith("." + zone);
    }

    /** Whether either name is at or under the other: two zones of such names would both answer for some names. */
    public static boolean overlap(String a, String b) {
        return isAtOrUnder(a, b) || isAtOrUnder(b, a);
    }

    /**
     * The name's labels in reverse order, joined by dots ({@code com.example.www} for {@code www.example.com.}):
     * Route 53 lists record sets in this order, so a zone's names under one parent stay together.
     */
    public static String reversed(String name) {
        String[] labels = name.substring(0, name.length() - 1).split("\\.");
        StringBuilder reversed = new StringBuilder();
        for (int i = labels.length - 1; i >= 0; i--) {
            reversed.append(labels[i]);
            if (i > 0) {
                reversed.append('.');
            }
        }
        return reversed.toString();
    }
}
