package dev.privet.provider.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;

import java.util.Set;

/**
 * A change to a service: whether new connections wait for acceptance. Read from the JSON body field by field, so that
 * every field is accounted for: the other changes AWS's ModifyVpcEndpointServiceConfiguration makes are refused by
 * name, not supported yet, and so is any field the request does not have; a change that was ignored would read as
 * made.
 */
public record ModifyEndpointServiceRequest(boolean acceptanceRequired) {
    static final String ACCEPTANCE_REQUIRED = "acceptanceRequired";
    private static final Set<String> NOT_YET = Set.of("addNetworkLoadBalancerArns", "removeNetworkLoadBalancerArns",
            "addGatewayLoadBalancerArns", "removeGatewayLoadBalancerArns", "privateDnsName",
            "addSupportedIpAddressTypes", "removeSupportedIpAddressTypes", "addSupportedRegions",
            "removeSupportedRegions");
    private static final String REMOVE_PRIVATE_DNS_NAME = "removePrivateDnsName";

    /** The change {@code body} asks for; throws naming the first field at fault. */
    static ModifyEndpointServiceRequest of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Rejection.invalid(ErrorCode.MISSING_PARAMETER, ACCEPTANCE_REQUIRED,
                    "say whether new connections wait for acceptance");
        }
        for (var fields = body.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            boolean asksForNothing = field.equals(REMOVE_PRIVATE_DNS_NAME) && body.get(field).isBoolean()
                    && !body.get(field).booleanValue();
            if (NOT_YET.contains(field) || (field.equals(REMOVE_PRIVATE_DNS_NAME) && !asksForNothing)) {
                throw Rejection.invalidValue(field, "changing this is not supported yet; only " + ACCEPTANCE_REQUIRED
                        + " is");
            }
            if (!field.equals(ACCEPTANCE_REQUIRED) && !field.equals(REMOVE_PRIVATE_DNS_NAME)) {
                throw Rejection.invalidValue(field, field + " is not a field of this request");
            }
        }
        JsonNode acceptance = body.get(ACCEPTANCE_REQUIRED);
        if (acceptance == null || acceptance.isNull()) {
            throw Rejection.invalid(ErrorCode.MISSING_PARAMETER, ACCEPTANCE_REQUIRED,
                    "say whether new connections wait for acceptance");
        }
        if (!acceptance.isBoolean()) {
            throw Rejection.invalidValue(ACCEPTANCE_REQUIRED, "true or false");
        }
        return new ModifyEndpointServiceRequest(acceptance.booleanValue());
    }
}
