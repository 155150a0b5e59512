package dev.privet.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The names Privet's DNS server answers, and endpoints made through the gateway, as a client makes them, until there
 * are enough: each endpoint has one subnet, so it gets a regional name and one zonal name, each with the address of
 * its one ENI. The endpoints whose names are published are read from the dns-service's read model
 * ({@code endpoint_dns}), their records from its API ({@code GET /v1/endpoint-dns/{id}}): what the DNS server answers.
 */
final class PublishedNames {
    /** Endpoints created at once, each by its own client: create, then GET until it is available. */
    static final int CLIENTS = 16;
    private static final int TIMEOUT_SECONDS = 120;
    private static final Set<String> FAILED = Set.of("failed", "rejected", "deleting", "deleted", "expired");

    /** A published name (lower case, no final dot) and its A values. */
    record Name(String name, List<String> addresses) {
    }

    private final Gateway gateway;
    private final Tenants tenants;
    private final String jdbcUrl;

    PublishedNames(Gateway gateway, int pgPort) {
        this.gateway = gateway;
        this.tenants = new Tenants(gateway);
        this.jdbcUrl = "jdbc:postgresql://127.0.0.1:" + pgPort + "/dns";
    }

    /** The first {@code wanted} names in name order, after making endpoints if fewer are published. */
    List<Name> atLeast(int wanted) throws Exception {
        List<Name> names = read();
        if (names.size() >= wanted) {
            System.out.printf("names: the cluster publishes %,d; using the first %,d%n", names.size(), wanted);
            return names.subList(0, wanted);
        }
        System.out.printf("names: the cluster publishes %,d of the %,d wanted; making endpoints through %s%n",
                names.size(), wanted, gateway.base());
        gateway.requireHealthy();
        String service = tenants.openService(tenants.providerLoadBalancer());
        Tenants.ConsumerVpc vpc = tenants.consumerVpc(Math.min(wanted, Tenants.MAX_ENDPOINTS_PER_VPC));
        long start = System.nanoTime();
        int perEndpoint = available(service, vpc, 0).path("dnsEntries").size();
        int more = Math.max(0, (wanted - names.size() - perEndpoint + perEndpoint - 1) / perEndpoint);
        System.out.printf("names: an endpoint with one subnet gets %d names (regional, and one per zone of its ENIs); "
                + "%,d more endpoints, %d at a time%n", perEndpoint, more, CLIENTS);
        make(service, vpc, more);
        System.out.printf("names: %,d endpoints available in %.1f s%n", more + 1, (System.nanoTime() - start) / 1e9);
        names = read();
        if (names.size() < wanted) {
            throw new IllegalStateException("only " + names.size() + " names published after making endpoints, "
                    + wanted + " wanted");
        }
        return names.subList(0, wanted);
    }

    /** Every A record set of the published endpoints, by name, values in order. */
    List<Name> read() throws Exception {
        List<String> published = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement q = c.prepareStatement(
                     "select vpc_endpoint_id from endpoint_dns where state = 'published' order by vpc_endpoint_id");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                published.add(rs.getString(1));
            }
        }
        Map<String, List<String>> byName = new TreeMap<>();
        for (String endpoint : published) {
            for (JsonNode set : gateway.call("GET", Tenants.CONSUMER, "/v1/endpoint-dns/" + endpoint, null, 200)
                    .path("records")) {
                if (set.path("type").asText().equals("A")) {
                    List<String> values = byName.computeIfAbsent(set.path("name").asText(), n -> new ArrayList<>());
                    set.path("values").forEach(v -> values.add(v.asText()));
                }
            }
        }
        return byName.entrySet().stream()
                .map(e -> new Name(e.getKey(), e.getValue().stream().sorted().distinct().toList())).toList();
    }

    /** {@code count} endpoints by {@link #CLIENTS} clients, each following its endpoint to available. */
    private void make(String service, Tenants.ConsumerVpc vpc, int count) throws Exception {
        AtomicInteger next = new AtomicInteger(1);
        AtomicInteger done = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) <= count && failures.isEmpty()) {
                        try {
                            available(service, vpc, i);
                            if (done.incrementAndGet() % 100 == 0) {
                                System.out.printf("names: %,d/%,d endpoints available%n", done.get(), count);
                            }
                        } catch (Exception e) {
                            failures.add(e.getMessage());
                        }
                    }
                });
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("endpoints failed: " + failures);
        }
    }

    /** The i-th endpoint (in the subnet of its turn), once a GET says it is available: that answer. */
    private JsonNode available(String service, Tenants.ConsumerVpc vpc, int i) throws Exception {
        String subnet = vpc.subnetIds().get(i / Tenants.ENDPOINTS_PER_SUBNET % vpc.subnetIds().size());
        String id = gateway.post(Tenants.CONSUMER, "/v1/vpc-endpoints", Map.of("serviceName", service,
                "vpcId", vpc.vpcId(), "subnetIds", List.of(subnet))).path("vpcEndpointId").asText();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        String state = "pending";
        while (System.nanoTime() < deadline) {
            Thread.sleep(50);
            JsonNode endpoint = gateway.call("GET", Tenants.CONSUMER, "/v1/vpc-endpoints/" + id, null, 200);
            state = endpoint.path("state").asText();
            if (state.equals("available")) {
                return endpoint;
            }
            if (FAILED.contains(state)) {
                throw new IllegalStateException(id + " is " + state + " " + endpoint.path("failureReason").asText(""));
            }
        }
        throw new IllegalStateException(id + " not available after " + TIMEOUT_SECONDS + " s (last seen: " + state + ")");
    }
}
