package dev.privet.provider.api;

import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.LoadBalancerArn;
import dev.privet.runtime.ApiException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The body of a create: the service's network load balancers and whether connections wait for acceptance. */
public record CreateEndpointServiceRequest(List<String> networkLoadBalancerArns, Boolean acceptanceRequired) {
    static final String ARNS = "networkLoadBalancerArns";
    private static final int MAX_LOAD_BALANCERS = 10;

    /** Checks every field for {@code caller}; throws naming the first field at fault. */
    void validate(AccountId caller) {
        if (networkLoadBalancerArns == null || networkLoadBalancerArns.isEmpty()) {
            throw ApiException.missing(ARNS);
        }
        if (networkLoadBalancerArns.size() > MAX_LOAD_BALANCERS) {
            throw ApiException.invalid(ARNS, "at most " + MAX_LOAD_BALANCERS + " load balancers, got "
                    + networkLoadBalancerArns.size());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < networkLoadBalancerArns.size(); i++) {
            String arn = networkLoadBalancerArns.get(i);
            String field = ARNS + "[" + i + "]";
            if (!LoadBalancerArn.isValid(arn)) {
                throw ApiException.invalid(field, "not a load balancer ARN: '" + arn + "'");
            }
            String[] parts = arn.split(":", 6);
            if (!parts[5].startsWith("loadbalancer/net/")) {
                throw ApiException.invalid(field, "not a network load balancer: " + arn);
            }
            if (!parts[4].equals(caller.value())) {
                throw ApiException.invalid(field, "the load balancer belongs to account " + parts[4]
                        + ", not to the caller");
            }
            if (!seen.add(arn)) {
                throw ApiException.invalid(field, "the load balancer is named twice: " + arn);
            }
        }
    }

    /** AWS's default: connections wait for the provider's acceptance unless the provider says otherwise. */
    boolean acceptanceRequiredOrDefault() {
        return acceptanceRequired == null || acceptanceRequired;
    }
}
