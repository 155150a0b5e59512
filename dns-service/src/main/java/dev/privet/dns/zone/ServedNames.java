package dev.privet.dns.zone;

import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.DnsEvent.HostedZoneCreated;
import dev.privet.contracts.events.DnsEvent.HostedZoneDeleted;
import dev.privet.contracts.events.DnsEvent.RecordSetsChanged;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.dns.config.DnsConfig;
import dev.privet.dns.domain.AddressRecordSet;
import dev.privet.dns.domain.AnsweredAddress;
import dev.privet.eventstore.MemoryProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every name the DNS server answers for, with its addresses, in memory: the DNS server reads it for every query, and
 * never the database. It is a {@link MemoryProjection} of dns-service's own events, so each replica builds it from the
 * store at start and follows the store from there, and dns-service's relay publishes {@code EndpointDnsPublished}
 * (which makes the endpoint {@code available}) and {@code EndpointDnsRemoved} only once this replica answers
 * accordingly.
 *
 * <p>Each address of a name is held by one endpoint: the one whose publication wrote it last (a name and address
 * another endpoint published move to the later one). A publication replaces everything its endpoint held; a removal
 * takes it all away. A name with no address left is gone (NXDOMAIN).
 *
 * <p>It holds the hosted zones too ({@link ServedZone}, by name): one projection, so the DNS server starts answering
 * once both have read the store, and the relay publishes a change batch only once this replica serves it, which
 * makes a change {@code INSYNC} when its request returns.
 *
 * <p>Names are lower case, without the final dot. {@link #apply} runs on one thread; a lookup reads an immutable
 * {@link NameRecords} and never waits.
 */
@ApplicationScoped
public class ServedNames implements MemoryProjection {
    public static final String NAME = "served-names";
    private static final Comparator<HeldAddress> BY_ADDRESS = Comparator.comparing(HeldAddress::text);

    private final Map<String, NameRecords> byName = new ConcurrentHashMap<>();
    private final Map<String, ServedZone> zones = new ConcurrentHashMap<>();
    /** The name of each hosted zone by its id; read and written by {@link #apply} only. */
    private final Map<String, String> zoneNames = new HashMap<>();
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    /** The names each endpoint held an address of when it last published; read and written by {@link #apply} only. */
    private final Map<String, Set<String>> namesOfEndpoint = new HashMap<>();
    private final AnsweredAddress answered;

    @Inject
    ServedNames(DnsConfig config) {
        this(config.answerWith());
    }

    public ServedNames(AnsweredAddress answered) {
        this.answered = answered;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The records of a lower-case name without its final dot; empty when nothing is published under it. */
    public Optional<NameRecords> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The hosted zone a lower-case name without its final dot is at or under; empty when none is. Zones never
     * overlap (see {@code ZoneNames}), so the first suffix that names a zone is the only one.
     */
    public Optional<ServedZone> zoneOf(String name) {
        for (String suffix = name; ; suffix = suffix.substring(suffix.indexOf('.') + 1)) {
            ServedZone zone = zones.get(suffix);
            if (zone != null) {
                return Optional.of(zone);
            }
            if (suffix.indexOf('.') < 0) {
                return Optional.empty();
            }
        }
    }

    /** How many names resolve. */
    public int size() {
        return byName.size();
    }

    /** Every name with its records, in no order: for comparing a model with another. */
    public Map<String, NameRecords> all() {
        return Map.copyOf(byName);
    }

    /**
     * Completes once the names show the whole store as it was at start: before that, a name may be missing that is
     * published, and a miss answered then would be cached by resolvers as NXDOMAIN.
     */
    public CompletionStage<Void> whenCaughtUp() {
        return caughtUp.minimalCompletionStage();
    }

    @Override
    public void caughtUp() {
        caughtUp.complete(null);
    }

    @Override
    public void apply(EventEnvelope envelope) {
        switch (envelope.event()) {
            case EndpointDnsPublished published -> published(published);
            case EndpointDnsRemoved removed -> release(removed.vpcEndpointId());
            case HostedZoneCreated created -> {
                ServedZone zone = ServedZone.created(created.name());
                zones.put(zone.name(), zone);
                zoneNames.put(created.hostedZoneId(), zone.name());
            }
            case RecordSetsChanged changed -> zones.computeIfPresent(zoneNames.get(changed.hostedZoneId()),
                    (name, zone) -> zone.changed(changed.changes()));
            case HostedZoneDeleted deleted -> zones.remove(zoneNames.remove(deleted.hostedZoneId()));
            default -> { } // not a dns event
        }
    }

    private void published(EndpointDnsPublished published) {
        String endpoint = published.vpcEndpointId();
        Map<String, List<String>> wanted = new LinkedHashMap<>();
        for (AddressRecordSet set : AddressRecordSet.of(published, answered)) {
            if (!set.addresses().isEmpty()) {
                wanted.computeIfAbsent(set.name(), n -> new ArrayList<>()).addAll(set.addresses());
            }
        }
        release(endpoint, wanted.keySet());
        wanted.forEach((name, addresses) -> byName.compute(name, (n, held) -> withAddresses(held, endpoint, addresses)));
        if (!wanted.isEmpty()) {
            namesOfEndpoint.put(endpoint, new HashSet<>(wanted.keySet()));
        }
    }

    /** Takes away every address the endpoint holds. */
    private void release(String endpoint) {
        release(endpoint, Set.of());
    }

    /** Takes away the addresses the endpoint holds under names other than {@code kept}; those it will rewrite. */
    private void release(String endpoint, Set<String> kept) {
        Set<String> held = namesOfEndpoint.remove(endpoint);
        if (held == null) {
            return;
        }
        for (String name : held) {
            if (!kept.contains(name)) {
                byName.computeIfPresent(name, (n, records) -> records.without(endpoint));
            }
        }
    }

    /** {@code held} with the endpoint's addresses under the name replaced by {@code addresses}, taking over others'. */
    private static NameRecords withAddresses(NameRecords held, String endpoint, List<String> addresses) {
        Map<String, HeldAddress> byText = new HashMap<>();
        if (held != null) {
            held.addresses().stream().filter(a -> !a.vpcEndpointId().equals(endpoint))
                    .forEach(a -> byText.put(a.text(), a));
        }
        addresses.forEach(text -> byText.put(text, HeldAddress.of(text, endpoint)));
        List<HeldAddress> sorted = new ArrayList<>(byText.values());
        sorted.sort(BY_ADDRESS);
        return new NameRecords(sorted);
    }
}
