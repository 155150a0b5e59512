package dev.privet.consumer.api;

import dev.privet.consumer.app.EndpointRequest;
import dev.privet.consumer.domain.AwsServices;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.ids.ServiceName;

import dev.privet.contracts.events.Values.Tag;
import dev.privet.runtime.tags.RequestedTags;

import java.util.List;

/**
 * The body of {@code POST /v1/vpc-endpoints}, as a client sends it. Every field is bounded before anything else
 * looks at it (the limits are in the README), so an oversized request costs one check and is refused whole.
 */
public record CreateVpcEndpointRequest(String serviceName, String vpcId, List<String> subnetIds,
                                       String vpcEndpointType, List<String> securityGroupIds, List<Tag> tags,
                                       String policyDocument, List<String> routeTableIds) {
    static final int MAX_SERVICE_NAME = 255;
    static final int MAX_ID = 64;
    private static final String GATEWAY_LOAD_BALANCER = "GatewayLoadBalancer";

    /** Checks the shape and size of every field, naming the first one at fault; existence is checked later. */
    EndpointRequest validated() {
        String type = vpcEndpointType == null ? VpcEndpointRequested.INTERFACE : vpcEndpointType;
        if (GATEWAY_LOAD_BALANCER.equals(type)) {
            throw Rejection.invalidValue("vpcEndpointType", "vpcEndpointType " + type + " is not supported yet");
        }
        if (!VpcEndpointRequested.INTERFACE.equals(type) && !VpcEndpointRequested.GATEWAY.equals(type)) {
            throw Rejection.invalidValue("vpcEndpointType",
                    "vpcEndpointType must be Interface, Gateway or GatewayLoadBalancer, got " + shown(type));
        }
        if (serviceName == null || serviceName.isBlank()) {
            throw Rejection.missing("serviceName");
        }
        if (serviceName.length() > MAX_SERVICE_NAME) {
            throw tooLong("serviceName", serviceName, MAX_SERVICE_NAME);
        }
        if (ServiceName.parse(serviceName).isEmpty() && !AwsServices.isNamedLikeOne(serviceName)) {
            throw Rejection.invalid(ErrorCode.INVALID_SERVICE_NAME, "serviceName",
                    "The Vpc Endpoint Service '" + serviceName + "' does not exist");
        }
        if (vpcId == null || vpcId.isBlank()) {
            throw Rejection.missing("vpcId");
        }
        if (vpcId.length() > MAX_ID || !IdFormat.VPC.matches(vpcId)) {
            throw Rejection.invalid(ErrorCode.INVALID_VPC_ID_MALFORMED, "vpcId", "Invalid id: " + shown(vpcId));
        }
        boolean gateway = VpcEndpointRequested.GATEWAY.equals(type);
        return new EndpointRequest(type, serviceName, vpcId, gateway ? none("subnetIds", subnetIds, type) : subnets(),
                gateway ? none("securityGroupIds", securityGroupIds, type)
                        : IdList.SECURITY_GROUPS.checked("securityGroupIds", securityGroupIds),
                RequestedTags.of(tags, "tags"), PolicyDocuments.checked("policyDocument", policyDocument),
                gateway ? IdList.ROUTE_TABLES.checked("routeTableIds", routeTableIds)
                        : none("routeTableIds", routeTableIds, type));
    }

    /** An Interface endpoint's subnets: at least one. */
    private List<String> subnets() {
        if (subnetIds == null || subnetIds.isEmpty()) {
            throw Rejection.missing("subnetIds");
        }
        return IdList.SUBNETS.checked("subnetIds", subnetIds);
    }

    /**
     * A field the endpoint's type does not take, as AWS refuses it: a Gateway endpoint has route tables, neither
     * subnets nor security groups; an Interface endpoint has no route tables.
     */
    private static List<String> none(String field, List<String> ids, String type) {
        if (ids != null && !ids.isEmpty()) {
            throw Rejection.invalidValue(field, field + " cannot be given for an endpoint of type " + type);
        }
        return List.of();
    }

    private static Rejection tooLong(String field, String value, int max) {
        return Rejection.invalidValue(field, field + " must be at most " + max + " characters, got " + value.length());
    }

    static Rejection tooMany(String field, int size, int max) {
        return Rejection.invalidValue(field, field + " may name at most " + max + ", got " + size);
    }

    /** A client's value quoted for an error message, cut short: an answer must not echo a megabyte back. */
    static String shown(String value) {
        if (value == null) {
            return "null";
        }
        return "'" + (value.length() <= MAX_ID ? value : value.substring(0, MAX_ID) + "...") + "'";
    }
}
