package dev.privet.contracts.events;

import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.contracts.events.Values.RecordSetChange;

import java.util.List;

/**
 * Events of dns-service: the names of endpoints ({@code endpoint-dns} streams, one per VPC endpoint) and public
 * hosted zones ({@code hosted-zone} streams, one per zone).
 */
public sealed interface DnsEvent extends IntegrationEvent {
    String ENDPOINT_DNS = "endpoint-dns";
    String HOSTED_ZONE = "hosted-zone";

    /**
     * The endpoint's names resolve to these interfaces; carries the interfaces too, so consumer-service needs no
     * other topic. Published again, with the whole new set, when the endpoint's subnets change: the latest replaces
     * the earlier ones.
     */
    record EndpointDnsPublished(String vpcEndpointId, String serviceId, List<DnsEntry> dnsEntries,
                                List<EndpointInterface> networkInterfaces) implements DnsEvent {
        @Override
        public String streamId() {
            return vpcEndpointId;
        }

        @Override
        public String streamType() {
            return ENDPOINT_DNS;
        }
    }

    /** The endpoint's names no longer resolve (possibly never did). */
    record EndpointDnsRemoved(String vpcEndpointId, String serviceId) implements DnsEvent {
        @Override
        public String streamId() {
            return vpcEndpointId;
        }

        @Override
        public String streamType() {
            return ENDPOINT_DNS;
        }
    }

    /**
     * A public hosted zone exists and is served. Its SOA and NS record sets are not carried: they follow from the
     * name alone, so every reader derives the same ones.
     *
     * @param name            lower case, with the final dot
     * @param callerReference the creator's unique reference for the create, per account
     * @param comment         null when none was given
     */
    record HostedZoneCreated(String hostedZoneId, String name, String account, String callerReference,
                             String comment) implements DnsEvent {
        @Override
        public String streamId() {
            return hostedZoneId;
        }

        @Override
        public String streamType() {
            return HOSTED_ZONE;
        }
    }

    /**
     * One accepted change batch, in the order it applies: a {@code CREATE} or {@code UPSERT} puts its record set
     * (replacing one of the same name and type), a {@code DELETE} takes the set of its name and type away. Names are
     * lower case with the final dot, values as the zone serves them.
     */
    record RecordSetsChanged(String hostedZoneId, String changeId, List<RecordSetChange> changes)
            implements DnsEvent {
        @Override
        public String streamId() {
            return hostedZoneId;
        }

        @Override
        public String streamType() {
            return HOSTED_ZONE;
        }
    }

    /** The zone is no longer served and its name is free again. */
    record HostedZoneDeleted(String hostedZoneId, String name) implements DnsEvent {
        @Override
        public String streamId() {
            return hostedZoneId;
        }

        @Override
        public String streamType() {
            return HOSTED_ZONE;
        }
    }
}
