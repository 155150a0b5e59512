package dev.privet.dns.server;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the DNS server holds its UDP and TCP port and answers from names that have read the store. */
@Readiness
@ApplicationScoped
public class DnsServerReadiness implements HealthCheck {
    private final DnsServer server;

    DnsServerReadiness(DnsServer server) {
        this.server = server;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("dns-server").status(server.answering()).withData("port", server.port()).build();
    }
}
