package dev.privet.consumer.domain;

import dev.privet.contracts.ids.Requester;
import dev.privet.contracts.ids.PrincipalArn;

import java.util.List;

/**
 * An endpoint service as the consumer side sees it in its catalog: its type (the endpoints it takes), who owns it, whether it is available, whether
 * connections need the provider's acceptance, and which principals may connect.
 */
public record EndpointServiceOffer(String serviceId, String serviceName, String serviceType, String ownerId,
                                   String serviceState,
                                   boolean acceptanceRequired, List<String> allowedPrincipals) {
    public static final String AVAILABLE = "Available";
    public static final String PENDING = "Pending";
    public static final String FAILED = "Failed";

    public EndpointServiceOffer {
        allowedPrincipals = List.copyOf(allowedPrincipals);
    }

    /** Whether {@code caller} may see and connect to the service: it owns it, or an allowed principal admits it. */
    public boolean admits(Requester caller) {
        return PrincipalArn.admitsCaller(ownerId, allowedPrincipals, caller.accountId(), caller.principalArn());
    }

    public boolean isAvailable() {
        return AVAILABLE.equals(serviceState);
    }
}
