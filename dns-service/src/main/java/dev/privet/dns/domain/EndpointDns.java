package dev.privet.dns.domain;

import dev.privet.contracts.events.DnsEvent;
import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.dns.domain.EndpointDnsCommand.PublishNames;
import dev.privet.dns.domain.EndpointDnsCommand.RemoveNames;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The DNS names of one interface endpoint, folded from its {@code endpoint-dns} stream. Both commands come from
 * reactions to other services' events, which arrive in any order and may repeat, so a command that no longer applies
 * decides nothing rather than failing: a removed endpoint never gets names again.
 */
public record EndpointDns(String vpcEndpointId, EndpointDnsStatus status, long version) {

    public static EndpointDns none(String vpcEndpointId) {
        return new EndpointDns(vpcEndpointId, EndpointDnsStatus.NONE, 0);
    }

    public static EndpointDns from(String vpcEndpointId, List<EventEnvelope> history) {
        EndpointDns state = none(vpcEndpointId);
        for (EventEnvelope envelope : history) {
            state = evolve(state, (DnsEvent) envelope.event()).withVersion(envelope.version());
        }
        return state;
    }

    static EndpointDns evolve(EndpointDns state, DnsEvent event) {
        return switch (event) {
            case EndpointDnsPublished published -> state.withStatus(EndpointDnsStatus.PUBLISHED);
            case EndpointDnsRemoved removed -> state.withStatus(EndpointDnsStatus.REMOVED);
        };
    }

    public static List<DnsEvent> decide(EndpointDnsCommand command, EndpointDns state) {
        return switch (command) {
            case PublishNames publish -> state.status == EndpointDnsStatus.NONE ? List.of(published(publish)) : List.of();
            case RemoveNames remove -> state.status == EndpointDnsStatus.REMOVED ? List.of()
                    : List.of(new EndpointDnsRemoved(remove.vpcEndpointId(), remove.serviceId()));
        };
    }

    /** The regional name first, then one zonal name per availability zone, in the order the interfaces came. */
    private static EndpointDnsPublished published(PublishNames publish) {
        List<DnsEntry> entries = new ArrayList<>();
        entries.add(new DnsEntry(publish.names().regional(), publish.hostedZoneId()));
        Set<String> zones = new LinkedHashSet<>();
        publish.networkInterfaces().stream().map(EndpointInterface::availabilityZone).forEach(zones::add);
        zones.forEach(zone -> entries.add(new DnsEntry(publish.names().zonal(zone), publish.hostedZoneId())));
        return new EndpointDnsPublished(publish.vpcEndpointId(), publish.serviceId(), List.copyOf(entries),
                publish.networkInterfaces());
    }

    private EndpointDns withStatus(EndpointDnsStatus newStatus) {
        return new EndpointDns(vpcEndpointId, newStatus, version);
    }

    private EndpointDns withVersion(long newVersion) {
        return new EndpointDns(vpcEndpointId, status, newVersion);
    }
}
