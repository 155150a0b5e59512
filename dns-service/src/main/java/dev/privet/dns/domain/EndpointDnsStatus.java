package dev.privet.dns.domain;

import java.util.Locale;

/** Where an endpoint's names are in their life: never published, resolving, or withdrawn for good. */
public enum EndpointDnsStatus {
    NONE, PUBLISHED, REMOVED;

    /** The state as the API shows it: {@code published} or {@code removed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
