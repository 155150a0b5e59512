package dev.privet.dns.domain;

import dev.privet.contracts.events.DnsEvent;
import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.dns.domain.EndpointDns.Initial;
import dev.privet.dns.domain.EndpointDns.Published;
import dev.privet.dns.domain.EndpointDns.Removed;
import dev.privet.dns.domain.EndpointDnsCommand.PublishNames;
import dev.privet.dns.domain.EndpointDnsCommand.RemoveNames;
import dev.privet.dns.domain.EndpointDnsCommand.RepublishNames;
import dev.privet.contracts.ids.EndpointDnsNames;
import dev.privet.eventstore.Decider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of an endpoint's names. Both commands come from reactions to other services' events, which arrive in any
 * order and may repeat, so a command that no longer applies decides nothing rather than failing: names are published
 * once, a removal comes through even when nothing was published (the deletion overtook the provisioning), and a
 * removed endpoint never gets names again. A change of the endpoint's subnets publishes the same names again, on the
 * new interfaces, every time: the endpoint is pending until it hears so, and a redelivered change is already
 * absorbed by the subscription's applied markers.
 */
public final class EndpointDnsDecider implements Decider<EndpointDnsCommand, EndpointDns, DnsEvent> {
    public static final EndpointDnsDecider DECIDER = new EndpointDnsDecider();

    private EndpointDnsDecider() {
    }

    @Override
    public EndpointDns initialState() {
        return new Initial();
    }

    @Override
    public List<DnsEvent> decide(EndpointDnsCommand command, EndpointDns state) {
        return switch (command) {
            case PublishNames publish -> switch (state) {
                case Initial initial -> List.of(published(publish.vpcEndpointId(), publish.serviceId(),
                        publish.names(), publish.networkInterfaces(), publish.hostedZoneId()));
                case Published published -> List.of(); // the provisioning was delivered again
                case Removed removed -> List.of(); // the provisioning arrived after the deletion
            };
            case RepublishNames republish -> switch (state) {
                case Published published -> List.of(published(republish.vpcEndpointId(), republish.serviceId(),
                        EndpointDnsNames.ofRegional(published.dnsEntries().getFirst().dnsName()),
                        republish.networkInterfaces(), republish.hostedZoneId()));
                case Initial initial -> List.of(); // only an available endpoint's subnets change
                case Removed removed -> List.of(); // the change arrived after the deletion
            };
            case RemoveNames remove -> switch (state) {
                case Initial initial -> List.of(removed(remove));
                case Published published -> List.of(removed(remove));
                case Removed removed -> List.of(); // the deletion was delivered again
            };
        };
    }

    @Override
    public EndpointDns evolve(EndpointDns state, DnsEvent event, Instant recordedAt) {
        return switch (event) {
            case EndpointDnsPublished published -> new Published(published.serviceId(), published.dnsEntries());
            case EndpointDnsRemoved removed -> new Removed(removed.serviceId());
            default -> throw new IllegalStateException("not an event of an endpoint's names: " + event.eventType());
        };
    }

    @Override
    public boolean isTerminal(EndpointDns state) {
        return state instanceof Removed;
    }

    /** The regional name first, then one zonal name per availability zone, in the order the interfaces came. */
    private static EndpointDnsPublished published(String vpcEndpointId, String serviceId, EndpointDnsNames names,
                                                  List<EndpointInterface> interfaces, String hostedZoneId) {
        List<DnsEntry> entries = new ArrayList<>();
        entries.add(new DnsEntry(names.regional(), hostedZoneId));
        Set<String> zones = new LinkedHashSet<>();
        interfaces.stream().map(EndpointInterface::availabilityZone).forEach(zones::add);
        zones.forEach(zone -> entries.add(new DnsEntry(names.zonal(zone), hostedZoneId)));
        return new EndpointDnsPublished(vpcEndpointId, serviceId, List.copyOf(entries), interfaces);
    }

    private static EndpointDnsRemoved removed(RemoveNames remove) {
        return new EndpointDnsRemoved(remove.vpcEndpointId(), remove.serviceId());
    }
}
