package dev.privet.contracts.errors;

/**
 * Every error code Privet answers with: AWS's own where AWS has one, spelt as AWS spells it on the wire (EC2 writes
 * {@code InvalidVpcID.NotFound} with a capital D, and {@code InvalidVpcEndpointId.NotFound} without). A code is
 * named here once, so a misspelt one does not compile and two services cannot drift apart.
 */
public enum ErrorCode {
    // request shape
    MISSING_PARAMETER("MissingParameter"),
    INVALID_PARAMETER_VALUE("InvalidParameterValue"),
    INVALID_PARAMETER_COMBINATION("InvalidParameterCombination"),
    INVALID_PARAMETER("InvalidParameter"),
    MALFORMED_REQUEST("MalformedRequest"),
    AUTH_FAILURE("AuthFailure"),
    IDEMPOTENT_PARAMETER_MISMATCH("IdempotentParameterMismatch"),
    UNKNOWN_PARAMETER("UnknownParameter"),
    MALFORMED_QUERY_STRING("MalformedQueryString"),
    INVALID_ACTION("InvalidAction"),
    INVALID_NEXT_TOKEN("InvalidNextToken"),
    DRY_RUN_OPERATION("DryRunOperation"),
    REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLarge"),
    // Signature V4 and credentials (the Query API at the gateway)
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken"),
    INCOMPLETE_SIGNATURE("IncompleteSignature"),
    INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId"),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch"),
    REQUEST_EXPIRED("RequestExpired"),
    // state and concurrency
    CONCURRENT_MODIFICATION("ConcurrentModification"),
    SERVICE_UNAVAILABLE("ServiceUnavailable"),
    DEPENDENCY_VIOLATION("DependencyViolation"),
    INVALID_CONFIGURATION_REQUEST("InvalidConfigurationRequest"),
    /** EC2's code for a resource not in a state the request applies to (an endpoint connection already rejected). */
    INCORRECT_STATE("IncorrectState"),
    // tags
    INVALID_ID("InvalidID"),
    TAG_LIMIT_EXCEEDED("TagLimitExceeded"),
    // network
    INVALID_VPC_ID_MALFORMED("InvalidVpcId.Malformed"),
    INVALID_VPC_ID_NOT_FOUND("InvalidVpcID.NotFound"),
    INVALID_SUBNET_ID_NOT_FOUND("InvalidSubnetID.NotFound"),
    INVALID_SUBNET_RANGE("InvalidSubnet.Range"),
    INVALID_SUBNET_CONFLICT("InvalidSubnet.Conflict"),
    INVALID_NETWORK_INTERFACE_ID_NOT_FOUND("InvalidNetworkInterfaceID.NotFound"),
    INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET("InsufficientFreeAddressesInSubnet"),
    INVALID_ROUTE_TABLE_ID_NOT_FOUND("InvalidRouteTableID.NotFound"),
    INVALID_ROUTE_TABLE_ID_MALFORMED("InvalidRouteTableId.Malformed"),
    INVALID_ASSOCIATION_ID_NOT_FOUND("InvalidAssociationID.NotFound"),
    INVALID_ROUTE_NOT_FOUND("InvalidRoute.NotFound"),
    ROUTE_ALREADY_EXISTS("RouteAlreadyExists"),
    RESOURCE_ALREADY_ASSOCIATED("Resource.AlreadyAssociated"),
    INVALID_PREFIX_LIST_ID_NOT_FOUND("InvalidPrefixListID.NotFound"),
    INVALID_NETWORK_ACL_ID_NOT_FOUND("InvalidNetworkAclID.NotFound"),
    DUPLICATE_LOAD_BALANCER_NAME("DuplicateLoadBalancerName"),
    LOAD_BALANCER_NOT_FOUND("LoadBalancerNotFound"),
    // security groups (the malformed id is InvalidGroupId.Malformed, below)
    INVALID_GROUP_NOT_FOUND("InvalidGroup.NotFound"),
    INVALID_GROUP_DUPLICATE("InvalidGroup.Duplicate"),
    /** EC2's code for a group named {@code default}: that name is each VPC's own group's. */
    INVALID_GROUP_RESERVED("InvalidGroup.Reserved"),
    /** EC2's code for deleting a VPC's default security group, which goes only with its VPC. */
    CANNOT_DELETE("CannotDelete"),
    INVALID_PERMISSION_DUPLICATE("InvalidPermission.Duplicate"),
    INVALID_PERMISSION_NOT_FOUND("InvalidPermission.NotFound"),
    INVALID_SECURITY_GROUP_RULE_ID_NOT_FOUND("InvalidSecurityGroupRuleId.NotFound"),
    RULES_PER_SECURITY_GROUP_LIMIT_EXCEEDED("RulesPerSecurityGroupLimitExceeded"),
    // Elastic Load Balancing
    VALIDATION_ERROR("ValidationError"),
    DUPLICATE_TARGET_GROUP_NAME("DuplicateTargetGroupName"),
    TARGET_GROUP_NOT_FOUND("TargetGroupNotFound"),
    DUPLICATE_LISTENER("DuplicateListener"),
    LISTENER_NOT_FOUND("ListenerNotFound"),
    RESOURCE_IN_USE("ResourceInUse"),
    INVALID_TARGET("InvalidTarget"),
    TOO_MANY_TARGETS("TooManyTargets"),
    TOO_MANY_TAGS("TooManyTags"),
    /** Elastic Load Balancing's refusal of what a setting forbids (deleting a load balancer with deletion protection). */
    OPERATION_NOT_PERMITTED("OperationNotPermitted"),
    // provider
    INVALID_VPC_ENDPOINT_SERVICE_ID_MALFORMED("InvalidVpcEndpointServiceId.Malformed"),
    INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND("InvalidVpcEndpointServiceId.NotFound"),
    /** What AWS's DeleteVpcEndpointServiceConfigurations reports, per service, for one that does not exist. */
    INVALID_VPC_ENDPOINT_SERVICE_NOT_FOUND("InvalidVpcEndpointService.NotFound"),
    EXISTING_VPC_ENDPOINT_CONNECTIONS("ExistingVpcEndpointConnections"),
    INVALID_PRINCIPAL("InvalidPrincipal"),
    // consumer
    INVALID_SERVICE_NAME("InvalidServiceName"),
    INVALID_VPC_ENDPOINT_ID_MALFORMED("InvalidVpcEndpointId.Malformed"),
    INVALID_VPC_ENDPOINT_ID_NOT_FOUND("InvalidVpcEndpointId.NotFound"),
    DUPLICATE_SUBNETS_IN_SAME_ZONE("DuplicateSubnetsInSameZone"),
    INVALID_GROUP_ID_MALFORMED("InvalidGroupId.Malformed"),
    INVALID_POLICY_DOCUMENT("InvalidPolicyDocument"),
    // Route 53 hosted zones
    INVALID_DOMAIN_NAME("InvalidDomainName"),
    HOSTED_ZONE_ALREADY_EXISTS("HostedZoneAlreadyExists"),
    CONFLICTING_DOMAIN_EXISTS("ConflictingDomainExists"),
    NO_SUCH_HOSTED_ZONE("NoSuchHostedZone"),
    HOSTED_ZONE_NOT_EMPTY("HostedZoneNotEmpty"),
    INVALID_CHANGE_BATCH("InvalidChangeBatch"),
    // generic HTTP outcomes of the REST layer
    NOT_FOUND("NotFound"),
    METHOD_NOT_ALLOWED("MethodNotAllowed"),
    NOT_ACCEPTABLE("NotAcceptable"),
    UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaType"),
    INTERNAL_ERROR("InternalError");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    /** The code spelt {@code wire} on the wire, if it is one of these. */
    public static java.util.Optional<ErrorCode> fromWire(String wire) {
        for (ErrorCode code : values()) {
            if (code.wire.equals(wire)) {
                return java.util.Optional.of(code);
            }
        }
        return java.util.Optional.empty();
    }

    /** The code as it appears in an error response. */
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
