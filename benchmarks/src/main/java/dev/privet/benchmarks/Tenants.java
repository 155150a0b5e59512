package dev.privet.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The provider and the consumer of the README's "Try it", through the gateway: the provider's VPC, subnet and network
 * load balancer (a target on 127.0.0.1), endpoint services on it open to the consumer, and consumer VPCs with subnets
 * for the endpoints.
 */
final class Tenants {
    static final String PROVIDER = "111122223333";
    static final String CONSUMER = "444455556666";
    /** Addresses a /20 offers (4096 less AWS's five reserved), rounded down: endpoints per consumer subnet. */
    static final int ENDPOINTS_PER_SUBNET = 4_000;
    /** A consumer VPC is a /16: at most 16 /20 subnets. */
    static final int MAX_ENDPOINTS_PER_VPC = 16 * ENDPOINTS_PER_SUBNET;
    static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"};

    /** A consumer VPC and its subnets, in the order made. */
    record ConsumerVpc(String vpcId, List<String> subnetIds) {
    }

    private final Gateway gateway;

    Tenants(Gateway gateway) {
        this.gateway = gateway;
    }

    /** The provider's VPC and its subnet. */
    record ProviderNetwork(String vpcId, String subnetId) {
    }

    /** The provider's VPC, subnet and network load balancer (TCP 443 to 127.0.0.1:8443): its ARN. */
    String providerLoadBalancer() throws Exception {
        return gateway.post(PROVIDER, "/v1/load-balancers", Map.of("name", loadBalancerName(), "type", "network",
                "subnetIds", List.of(providerNetwork().subnetId()), "listeners", List.of(Map.of("protocol", "TCP", "port", 443)),
                "targets", List.of(Map.of("host", "127.0.0.1", "port", 8443)))).path("loadBalancerArn").asText();
    }

    /** A new provider VPC (10.0.0.0/16) with one subnet. */
    ProviderNetwork providerNetwork() throws Exception {
        String vpc = gateway.post(PROVIDER, "/v1/vpcs", Map.of("cidrBlock", "10.0.0.0/16")).path("vpcId").asText();
        String subnet = gateway.post(PROVIDER, "/v1/subnets", Map.of("vpcId", vpc, "cidrBlock", "10.0.1.0/24",
                "availabilityZone", "us-east-1a")).path("subnetId").asText();
        return new ProviderNetwork(vpc, subnet);
    }

    /** A load balancer or target group name no earlier run used. */
    static String loadBalancerName() {
        return "bench-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * An endpoint service on the load balancer, acceptance not required, open to the consumer's account, once it is
     * Available: its service name.
     */
    String openService(String loadBalancerArn) throws Exception {
        JsonNode service = gateway.post(PROVIDER, "/v1/endpoint-services", Map.of("networkLoadBalancerArns",
                List.of(loadBalancerArn), "acceptanceRequired", false));
        String serviceId = service.path("serviceId").asText();
        gateway.call("POST", PROVIDER, "/v1/endpoint-services/" + serviceId + "/permissions",
                Map.of("addAllowedPrincipals", List.of("arn:aws:iam::" + CONSUMER + ":root")), 200);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String state = service.path("serviceState").asText();
        while (!"Available".equals(state)) {
            if (System.nanoTime() > deadline || "Failed".equals(state)) {
                throw new IllegalStateException("endpoint service " + serviceId + " is " + state + ", not Available");
            }
            Thread.sleep(50);
            state = gateway.call("GET", PROVIDER, "/v1/endpoint-services/" + serviceId, null, 200).path("serviceState").asText();
        }
        System.out.println("endpoint service " + serviceId + " is Available");
        return service.path("serviceName").asText();
    }

    /** A new consumer VPC (172.31.0.0/16) with enough /20 subnets for {@code endpoints} of one subnet each. */
    ConsumerVpc consumerVpc(int endpoints) throws Exception {
        String vpc = gateway.post(CONSUMER, "/v1/vpcs", Map.of("cidrBlock", "172.31.0.0/16")).path("vpcId").asText();
        int subnets = (endpoints + ENDPOINTS_PER_SUBNET - 1) / ENDPOINTS_PER_SUBNET;
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < subnets; s++) {
            ids.add(gateway.post(CONSUMER, "/v1/subnets", Map.of("vpcId", vpc, "cidrBlock", "172.31." + (16 * s) + ".0/20",
                    "availabilityZone", ZONES[s % ZONES.length])).path("subnetId").asText());
        }
        return new ConsumerVpc(vpc, List.copyOf(ids));
    }
}
