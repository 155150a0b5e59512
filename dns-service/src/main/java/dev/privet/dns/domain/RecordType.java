package dev.privet.dns.domain;

import org.xbill.DNS.Address;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The record types a hosted zone holds, and what a value of each looks like. A provider changes A, AAAA, CNAME and
 * TXT record sets, all that private DNS name verification and pointing a name at an endpoint need; SOA and NS are the
 * zone's own, made with it and never changed ({@link ApexRecordSets}).
 */
public enum RecordType {
    A("an IPv4 address such as 192.0.2.1") {
        @Override
        Optional<String> normalized(String value) {
            return IPV4.matcher(value).matches() ? Optional.of(value) : Optional.empty();
        }
    },
    AAAA("an IPv6 address such as 2001:db8::1") {
        @Override
        Optional<String> normalized(String value) {
            boolean v6 = value.indexOf(':') >= 0 && Address.toByteArray(value, Address.IPv6) != null;
            return v6 ? Optional.of(value.toLowerCase(Locale.ROOT)) : Optional.empty();
        }
    },
    CNAME("a domain name") {
        @Override
        Optional<String> normalized(String value) {
            return DnsName.normalized(value);
        }
    },
    TXT("one or more quoted strings of at most " + TxtStrings.MAX_STRING + " characters each, such as \"v=1\"") {
        @Override
        Optional<String> normalized(String value) {
            return TxtStrings.parse(value).map(strings -> value.strip());
        }
    },
    SOA("managed by Privet") {
        @Override
        Optional<String> normalized(String value) {
            return Optional.empty();
        }
    },
    NS("managed by Privet") {
        @Override
        Optional<String> normalized(String value) {
            return Optional.empty();
        }
    };

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private final String valueShape;

    RecordType(String valueShape) {
        this.valueShape = valueShape;
    }

    /** The value as the zone serves it, or empty when it is not a value of this type. */
    abstract Optional<String> normalized(String value);

    /** What a value of this type looks like, for an error. */
    String valueShape() {
        return valueShape;
    }

    /** Whether a provider may change record sets of this type. */
    public boolean changeable() {
        return this != SOA && this != NS;
    }

    /** The type of that name, exactly as Route 53 spells it (upper case); empty for any other. */
    public static Optional<RecordType> named(String name) {
        for (RecordType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
