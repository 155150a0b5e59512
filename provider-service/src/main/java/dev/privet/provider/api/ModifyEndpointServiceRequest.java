package dev.privet.provider.api;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;

import java.util.List;

/**
 * The body of a change to a service: whether new connections wait for acceptance. The other changes AWS's
 * ModifyVpcEndpointServiceConfiguration makes are named so that a request asking for one is refused, naming it,
 * rather than answered as if it had been made.
 */
public record ModifyEndpointServiceRequest(Boolean acceptanceRequired, List<String> addNetworkLoadBalancerArns,
                                           List<String> removeNetworkLoadBalancerArns, String privateDnsName,
                                           Boolean removePrivateDnsName) {
    static final String ACCEPTANCE_REQUIRED = "acceptanceRequired";

    /** Checks the request; throws naming the first field at fault. */
    void validate() {
        notYet("addNetworkLoadBalancerArns", addNetworkLoadBalancerArns != null);
        notYet("removeNetworkLoadBalancerArns", removeNetworkLoadBalancerArns != null);
        notYet("privateDnsName", privateDnsName != null);
        notYet("removePrivateDnsName", removePrivateDnsName != null);
        if (acceptanceRequired == null) {
            throw Rejection.invalid(ErrorCode.MISSING_PARAMETER, ACCEPTANCE_REQUIRED,
                    "say whether new connections wait for acceptance");
        }
    }

    private static void notYet(String field, boolean given) {
        if (given) {
            throw Rejection.invalidValue(field, "changing this is not supported yet; only acceptanceRequired is");
        }
    }
}
