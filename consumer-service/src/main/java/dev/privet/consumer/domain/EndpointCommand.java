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
     * Create an endpoint. Carries what the consumer side knows of the service, the VPC and the subnets or route
     * tables and security groups named (an absent value is one it has not seen), so the decision stays pure; and
     * its security groups (none: the VPC's default) and policy, as asked (well-formed).
     */
    record RequestEndpoint(String vpcEndpointId, Requester caller, String vpcEndpointType, String serviceName,
                           Optional<EndpointServiceOffer> service, String vpcId, Optional<Vpc> vpc,
                           List<String> subnetIds, Map<String, Subnet> knownSubnets, List<String> routeTableIds,
                           Map<String, RouteTable> knownRouteTables, Map<String, SecurityGroup> knownSecurityGroups,
                           AccessControls access)
            implements EndpointCommand {
        public RequestEndpoint {
            subnetIds = List.copyOf(subnetIds);
            knownSubnets = Map.copyOf(knownSubnets);
            routeTableIds = List.copyOf(routeTableIds);
            knownRouteTables = Map.copyOf(knownRouteTables);
            knownSecurityGroups = Map.copyOf(knownSecurityGroups);
        }
    }

    record DeleteEndpoint(String vpcEndpointId, AccountId caller) implements EndpointCommand {
    }

    /**
     * Change an endpoint (ModifyVpcEndpoint): its subnets, with what the network view knows of them and of the
     * endpoint's present subnets, its security groups, its policy, and a Gateway endpoint's route tables (with what
     * the view knows of the added groups and tables), as the owner asked (well-formed, each id named once). All of
     * it happens, or none.
     */
    record ModifyEndpoint(String vpcEndpointId, AccountId caller, Changes subnets, Map<String, Subnet> knownSubnets,
                          Changes securityGroups, Map<String, SecurityGroup> knownSecurityGroups, PolicyChange policy,
                          Changes routeTables, Map<String, RouteTable> knownRouteTables) implements EndpointCommand {
        public ModifyEndpoint {
            knownSubnets = Map.copyOf(knownSubnets);
            knownSecurityGroups = Map.copyOf(knownSecurityGroups);
            knownRouteTables = Map.copyOf(knownRouteTables);
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

    /** A Gateway endpoint's routes are in its route tables. */
    record ProvideRoutes() implements EndpointCommand {
    }

    /** A route table of a Gateway endpoint was deleted, and its route with it. */
    record DropRouteTable(String routeTableId) implements EndpointCommand {
    }

    /**
     * A change of subnets or route tables could not be made: the endpoint stays on {@code subnetIds} (an Interface
     * endpoint's) or {@code routeTableIds} (a Gateway endpoint's).
     */
    record FailModification(String reason, List<String> subnetIds, List<String> routeTableIds)
            implements EndpointCommand {
        public FailModification {
            subnetIds = List.copyOf(subnetIds);
            routeTableIds = List.copyOf(routeTableIds);
        }
    }

    /** The endpoint's interfaces could not be created. */
    record FailNetwork(String reason) implements EndpointCommand {
    }

    /** The endpoint's interfaces are gone. */
    record ReleaseNetwork() implements EndpointCommand {
    }
}
