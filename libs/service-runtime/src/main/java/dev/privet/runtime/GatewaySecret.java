package dev.privet.runtime;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.http.PrivetHeaders;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Lets requests in only from the gateway, when {@code privet.gateway-secret} is set: the gateway verifies who a
 * request is from and names the account in {@link Caller#HEADER}; a service can trust that header only if it knows
 * the request came through the gateway. Health checks and metrics ({@code /q/...}) stay open for the orchestrator
 * and Prometheus.
 */
public class GatewaySecret {
    public static final String HEADER = PrivetHeaders.GATEWAY_SECRET;

    private final Optional<byte[]> secret;

    GatewaySecret(PrivetConfig config) {
        this.secret = config.gatewaySecret().map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        if (secret.isEmpty() || request.getUriInfo().getPath().startsWith("/q/")) {
            return Optional.empty();
        }
        String given = request.getHeaderString(HEADER);
        if (given != null && MessageDigest.isEqual(secret.get(), given.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(Problem.response(401, ErrorCode.AUTH_FAILURE.wire(), HEADER,
                "this service answers requests through the gateway only"));
    }
}
