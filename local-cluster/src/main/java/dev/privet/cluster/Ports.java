package dev.privet.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every port of a local cluster. {@link #defaults()} are the ports of DESIGN.md; tests use
 * {@link #randomFree()}. Ports are fixed for the life of a {@link LocalCluster}, across restarts.
 *
 * @param gateway         gateway HTTP (REST and the EC2 Query API)
 * @param provider        provider-service HTTP
 * @param consumer        consumer-service HTTP
 * @param network         network-service HTTP
 * @param dnsHttp         dns-service HTTP
 * @param dns             the DNS server of dns-service (UDP and TCP)
 * @param kafka           the Kafka broker's client listener
 * @param kafkaController the Kafka controller listener (KRaft)
 * @param postgres        PostgreSQL
 */
public record Ports(int gateway, int provider, int consumer, int network, int dnsHttp, int dns,
                    int kafka, int kafkaController, int postgres) {

    /** Validates that every port is in range and that no two are the same. */
    public Ports {
        Map<Integer, String> seen = new HashMap<>();
        for (PortClaim claim : claimsOf(gateway, provider, consumer, network, dnsHttp, dns, kafka, kafkaController, postgres)) {
            if (claim.port() < 1 || claim.port() > 65535) {
                throw new IllegalArgumentException("port " + claim.port() + " for " + claim.purpose() + " is not between 1 and 65535");
            }
            String other = seen.putIfAbsent(claim.port(), claim.purpose());
            if (other != null) {
                throw new IllegalArgumentException("port " + claim.port() + " is given to both " + other + " and " + claim.purpose());
            }
        }
    }

    /** The ports of DESIGN.md: gateway 8080, services 8081-8084, DNS 1053, Kafka 9092 (controller 9093), PostgreSQL 15432. */
    public static Ports defaults() {
        return new Ports(8080, 8081, 8082, 8083, 8084, 1053, 9092, 9093, 15432);
    }

    /**
     * The defaults, each replaced by its environment variable when set ({@code PRIVET_GATEWAY_PORT},
     * {@code PRIVET_PROVIDER_PORT}, ... see {@link #claims()}).
     *
     * @throws IllegalArgumentException when a variable is not a number
     */
    public static Ports fromEnvironment(Map<String, String> environment) {
        Ports d = defaults();
        return new Ports(
                env(environment, "PRIVET_GATEWAY_PORT", d.gateway),
                env(environment, "PRIVET_PROVIDER_PORT", d.provider),
                env(environment, "PRIVET_CONSUMER_PORT", d.consumer),
                env(environment, "PRIVET_NETWORK_PORT", d.network),
                env(environment, "PRIVET_DNS_HTTP_PORT", d.dnsHttp),
                env(environment, "PRIVET_DNS_PORT", d.dns),
                env(environment, "PRIVET_KAFKA_PORT", d.kafka),
                env(environment, "PRIVET_KAFKA_CONTROLLER_PORT", d.kafkaController),
                env(environment, "PRIVET_POSTGRES_PORT", d.postgres));
    }

    /**
     * Nine distinct ports that are free right now (TCP, and UDP for the DNS port), chosen by the
     * operating system. Another process may take one before the cluster starts; the cluster's port
     * check then says so.
     */
    public static Ports randomFree() {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<ServerSocket> held = new ArrayList<>();
            try {
                int[] ports = new int[9];
                for (int i = 0; i < ports.length; i++) {
                    ServerSocket socket = new ServerSocket();
                    held.add(socket);
                    socket.bind(new InetSocketAddress(0));
                    ports[i] = socket.getLocalPort();
                }
                if (!udpFree(ports[5])) {
                    continue;
                }
                return new Ports(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8]);
            } catch (IOException e) {
                throw new UncheckedIOException("could not find free ports", e);
            } finally {
                held.forEach(Ports::closeQuietly);
            }
        }
        throw new IllegalStateException("could not find a free UDP port for DNS after 20 attempts");
    }

    /** The HTTP port of a service. */
    public int http(PrivetService service) {
        return switch (service) {
            case GATEWAY -> gateway;
            case PROVIDER -> provider;
            case CONSUMER -> consumer;
            case NETWORK -> network;
            case DNS -> dnsHttp;
        };
    }

    /** Every port with what wants it, in start order of the parts that use them. */
    public List<PortClaim> claims() {
        return claimsOf(gateway, provider, consumer, network, dnsHttp, dns, kafka, kafkaController, postgres);
    }

    private static List<PortClaim> claimsOf(int gateway, int provider, int consumer, int network, int dnsHttp, int dns,
                                            int kafka, int kafkaController, int postgres) {
        return List.of(
                new PortClaim(postgres, "PostgreSQL", "PRIVET_POSTGRES_PORT", false),
                new PortClaim(kafka, "the Kafka broker", "PRIVET_KAFKA_PORT", false),
                new PortClaim(kafkaController, "the Kafka controller", "PRIVET_KAFKA_CONTROLLER_PORT", false),
                new PortClaim(network, "network-service (HTTP)", "PRIVET_NETWORK_PORT", false),
                new PortClaim(provider, "provider-service (HTTP)", "PRIVET_PROVIDER_PORT", false),
                new PortClaim(consumer, "consumer-service (HTTP)", "PRIVET_CONSUMER_PORT", false),
                new PortClaim(dnsHttp, "dns-service (HTTP)", "PRIVET_DNS_HTTP_PORT", false),
                new PortClaim(dns, "the DNS server of dns-service (UDP and TCP)", "PRIVET_DNS_PORT", true),
                new PortClaim(gateway, "the gateway (HTTP)", "PRIVET_GATEWAY_PORT", false));
    }

    private static int env(Map<String, String> environment, String name, int fallback) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a port number");
        }
    }

    private static boolean udpFree(int port) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(port))) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a probe socket
        }
    }
}
