package dev.privet.gateway;

import dev.privet.contracts.http.PrivetHeaders;
import dev.privet.gateway.auth.Identity;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * The way to the services: one HTTP client, and each request to a service bounded by {@code privet.services.timeout},
 * with the account the gateway established and the installation's secret ({@code privet.gateway-secret}, the same
 * key the services check; unset, they trust whoever reaches them).
 */
@ApplicationScoped
public class Backends {
    private final ServicesConfig config;
    private final Optional<String> secret;
    private final WebClient client;

    Backends(ServicesConfig config, Vertx vertx,
             @ConfigProperty(name = "privet.gateway-secret") Optional<String> secret) {
        this.config = config;
        this.secret = secret;
        this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setDecompressionSupported(false));
    }

    /** A request to {@code backend} for {@code uri} (path and query), acting for {@code caller}. */
    public HttpRequest<Buffer> request(Backend backend, HttpMethod method, String uri, Identity caller) {
        URI base = URI.create(config.url(backend));
        HttpRequest<Buffer> request = client.request(method, config.port(backend), base.getHost(), uri)
                .ssl("https".equals(base.getScheme()))
                .timeout(config.timeout().toMillis())
                .putHeader(PrivetHeaders.ACCOUNT, caller.account().value())
                .putHeader(PrivetHeaders.PRINCIPAL, caller.principalArn());
        secret.ifPresent(value -> request.putHeader(PrivetHeaders.GATEWAY_SECRET, value));
        return request;
    }

    /** Where {@code backend} answers, for log lines. */
    public String url(Backend backend) {
        return config.url(backend);
    }
}
