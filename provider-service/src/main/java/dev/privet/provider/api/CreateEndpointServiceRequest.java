package dev.privet.provider.api;

import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.LoadBalancerArn;

import java.util.HashSet;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.privet.contracts.events.Values.Tag;

import java.util.List;
import java.util.Set;

/**
 * The body of a create: the service's network load balancers, whether connections wait for acceptance, and the
 * service's tags.
 */
public record CreateEndpointServiceRequest(List<String> networkLoadBalancerArns, Boolean acceptanceRequired,
                                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Tag> tags) {
    static final String ARNS = "networkLoadBalancerArns";
    static final int MAX_LOAD_BALANCERS = 10;

    /** Checks every field for {@code caller}; throws naming the first field at fault. */
    void validate(AccountId caller) {
        if (networkLoadBalancerArns == null || networkLoadBalancerArns.isEmpty()) {
            throw Rejection.missing(ARNS);
        }
        RequestLimits.atMost(ARNS, networkLoadBalancerArns, MAX_LOAD_BALANCERS, "load balancers");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < networkLoadBalancerArns.size(); i++) {
            String arn = networkLoadBalancerArns.get(i);
            String field = ARNS + "[" + i + "]";
            RequestLimits.length(field, arn, RequestLimits.MAX_ARN_LENGTH);
            if (!LoadBalancerArn.isValid(arn)) {
                throw Rejection.invalidValue(field, "not a load balancer ARN: '" + arn + "'");
            }
            String[] parts = arn.split(":", 6);
            if (!parts[5].startsWith("loadbalancer/net/")) {
                throw Rejection.invalidValue(field, "not a network load balancer: " + arn);
            }
            if (!parts[4].equals(caller.value())) {
                throw Rejection.invalidValue(field, "the load balancer belongs to account " + parts[4]
                        + ", not to the caller");
            }
            if (!seen.add(arn)) {
                throw Rejection.invalidValue(field, "the load balancer is named twice: " + arn);
            }
        }
    }

    /** AWS's default: connections wait for the provider's acceptance unless the provider says otherwise. */
    boolean acceptanceRequiredOrDefault() {
        return acceptanceRequired == null || acceptanceRequired;
    }

    /**
     * The request as an Idempotency-Key compares it: a retry that spells out the default acceptance is the same
     * request as one that left it out.
     */
    CreateEndpointServiceRequest normalized() {
        return new CreateEndpointServiceRequest(networkLoadBalancerArns, acceptanceRequiredOrDefault(), tags);
    }
}
