package dev.privet.provider.domain;

import dev.privet.contracts.events.ProviderEvent;
import dev.privet.contracts.events.ProviderEvent.AllowedPrincipalsAdded;
import dev.privet.contracts.events.ProviderEvent.AllowedPrincipalsRemoved;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionDeleted;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionRejected;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionRequested;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceAvailable;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceFailed;
import dev.privet.provider.domain.EndpointServiceCommand.ConfirmLoadBalancers;
import dev.privet.provider.domain.EndpointServiceCommand.CreateEndpointService;
import dev.privet.provider.domain.EndpointServiceCommand.DeleteConnection;
import dev.privet.provider.domain.EndpointServiceCommand.ModifyPermissions;
import dev.privet.provider.domain.EndpointServiceCommand.RefuseLoadBalancers;
import dev.privet.provider.domain.EndpointServiceCommand.RequestConnection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of an endpoint service: what events a command produces given the service's current state. Commands that
 * no longer apply (a late or repeated event from another service) produce no events; commands that are not allowed
 * are rejected with {@link EndpointServiceRejected}.
 */
public final class EndpointServiceDecider {
    private EndpointServiceDecider() {
    }

    public static List<ProviderEvent> decide(EndpointServiceCommand command, Optional<EndpointService> current) {
        return switch (command) {
            case CreateEndpointService c -> create(c, current);
            case ConfirmLoadBalancers c -> whilePending(current, s -> new EndpointServiceAvailable(s.serviceId()));
            case RefuseLoadBalancers c -> whilePending(current, s -> new EndpointServiceFailed(s.serviceId(), c.reason()));
            case ModifyPermissions c -> modifyPermissions(c, ownedBy(c.callerId(), current));
            case RequestConnection c -> requestConnection(c, current);
            case DeleteConnection c -> current
                    .flatMap(s -> s.connection(c.vpcEndpointId())
                            .filter(connection -> connection.state() != ConnectionState.DELETED)
                            .map(connection -> List.<ProviderEvent>of(
                                    new EndpointConnectionDeleted(s.serviceId(), c.vpcEndpointId()))))
                    .orElse(List.of());
        };
    }

    private static List<ProviderEvent> create(CreateEndpointService c, Optional<EndpointService> current) {
        if (current.isPresent()) {
            throw new EndpointServiceRejected("InvalidParameterValue", "serviceId",
                    "endpoint service " + c.serviceId() + " already exists");
        }
        return List.of(new EndpointServiceCreated(c.serviceId(), c.serviceName(), c.ownerId(), c.region(),
                c.networkLoadBalancerArns(), c.acceptanceRequired()));
    }

    private static List<ProviderEvent> whilePending(Optional<EndpointService> current,
                                                    Function<EndpointService, ProviderEvent> event) {
        return current.filter(s -> s.state() == ServiceState.Pending).map(s -> List.of(event.apply(s)))
                .orElse(List.of());
    }

    private static List<ProviderEvent> modifyPermissions(ModifyPermissions c, EndpointService service) {
        List<ProviderEvent> events = new ArrayList<>();
        List<String> added = new LinkedHashSet<>(c.add()).stream()
                .filter(p -> !service.allowedPrincipals().contains(p)).toList();
        if (!added.isEmpty()) {
            events.add(new AllowedPrincipalsAdded(service.serviceId(), added));
        }
        // Removal is applied after addition: a principal named in both lists ends up not allowed.
        List<String> removed = new LinkedHashSet<>(c.remove()).stream()
                .filter(p -> service.allowedPrincipals().contains(p) || added.contains(p)).toList();
        if (!removed.isEmpty()) {
            events.add(new AllowedPrincipalsRemoved(service.serviceId(), removed));
        }
        return events;
    }

    private static List<ProviderEvent> requestConnection(RequestConnection c, Optional<EndpointService> current) {
        EndpointService service = current.orElseThrow(() -> new EndpointServiceRejected(
                EndpointServiceRejected.NOT_FOUND, "serviceId", "no such endpoint service"));
        if (service.connection(c.vpcEndpointId()).isPresent()) {
            return List.of(); // a redelivered or repeated request
        }
        if (service.state() != ServiceState.Available) {
            return List.of(new EndpointConnectionRejected(service.serviceId(), c.vpcEndpointId(), c.endpointOwnerId(),
                    "endpoint service " + service.serviceId() + " is " + service.state() + ", not Available"));
        }
        if (!service.admits(c.endpointOwnerId())) {
            return List.of(new EndpointConnectionRejected(service.serviceId(), c.vpcEndpointId(), c.endpointOwnerId(),
                    "account " + c.endpointOwnerId() + " is not an allowed principal of " + service.serviceId()));
        }
        if (service.acceptanceRequired()) {
            return List.of(new EndpointConnectionRequested(service.serviceId(), c.vpcEndpointId(),
                    c.endpointOwnerId(), c.vpcId(), c.subnetIds()));
        }
        return List.of(new EndpointConnectionAccepted(service.serviceId(), c.vpcEndpointId(), c.endpointOwnerId(),
                c.vpcId(), c.subnetIds(), service.networkLoadBalancerArns()));
    }

    /** The service, if {@code callerId} owns it; a service of another account does not exist for the caller. */
    private static EndpointService ownedBy(String callerId, Optional<EndpointService> current) {
        return current.filter(s -> s.ownerId().equals(callerId)).orElseThrow(() -> new EndpointServiceRejected(
                EndpointServiceRejected.NOT_FOUND, "serviceId", "no endpoint service with this id"));
    }
}
