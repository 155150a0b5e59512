package dev.privet.consumer.domain;

import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.Requester;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What can be asked of a VPC endpoint: by its owner through the API, or by the other services' events. */
public sealed interface EndpointCommand {

    /**
     * Create an endpoint. Carries what the consumer side knows of the service, the VPC and the subnets named (an
     * absent value is one it has not seen), so the decision stays pure; and its security groups and policy, as
     * asked (well-formed).
     */
    record RequestEndpoint(String vpcEndpointId, Requester caller, String vpcEndpointType, String serviceName,
                           Optional<EndpointServiceOffer> service, String vpcId, Optional<Vpc> vpc,
                           List<String> subnetIds, Map<String, Subnet> knownSubnets, AccessControls access)
            implements EndpointCommand {
        public RequestEndpoint {
            subnetIds = List.copyOf(subnetIds);
            knownSubnets = Map.copyOf(knownSubnets);
        }
    }

    record DeleteEndpoint(String vpcEndpointId, AccountId caller) implements EndpointCommand {
    }

    /**
     * Change an endpoint (ModifyVpcEndpoint): its subnets, with what the network view knows of them and of the
     * endpoint's present subnets, its security groups and its policy, as the owner asked (well-formed, each id named
     * once). All of it happens, or none.
     */
    record ModifyEndpoint(String vpcEndpointId, AccountId caller, Changes subnets, Map<String, Subnet> knownSubnets,
                          Changes securityGroups, PolicyChange policy) implements EndpointCommand {
        public ModifyEndpoint {
            knownSubnets = Map.copyOf(knownSubnets);
        }
    }

    /** The provider holds the endpoint's connection for its acceptance. */
    record AwaitAcceptance() implements EndpointCommand {
    }

    /** The provider accepted the endpoint's connection. */
    record AcceptConnection() implements EndpointCommand {
    }

    /** The provider refused the endpoint's connection, or rejected it after accepting it. */
    record RejectConnection(String reason) implements EndpointCommand {
    }

    /** The endpoint's names resolve to its interfaces. */
    record PublishDns(List<String> networkInterfaceIds, List<DnsEntry> dnsEntries) implements EndpointCommand {
    }

    /** A change of subnets could not be built: the endpoint stays on {@code subnetIds}. */
    record FailModification(String reason, List<String> subnetIds) implements EndpointCommand {
        public FailModification {
            subnetIds = List.copyOf(subnetIds);
        }
    }

    /** The endpoint's interfaces could not be created. */
    record FailNetwork(String reason) implements EndpointCommand {
    }

    /** The endpoint's interfaces are gone. */
    record ReleaseNetwork() implements EndpointCommand {
    }
}
