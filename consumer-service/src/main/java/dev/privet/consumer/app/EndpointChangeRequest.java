package dev.privet.consumer.app;

import dev.privet.consumer.domain.Changes;
import dev.privet.consumer.domain.PolicyChange;

/**
 * A well-formed change of an endpoint, as the API validated it: its subnets, security groups and route tables (each
 * id well-formed and named once) and its policy. Whether the change is allowed is decided later.
 */
public record EndpointChangeRequest(Changes subnets, Changes securityGroups, PolicyChange policy,
                                    Changes routeTables) {
}
