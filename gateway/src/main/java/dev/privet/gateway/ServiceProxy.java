package dev.privet.gateway;

import dev.privet.gateway.auth.JsonApiCallers;
import dev.privet.gateway.query.QueryFault;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.List;

/**
 * Forwards the REST API to the service that owns each path, without blocking: method, path, query, body and the
 * headers that matter go out, with the account the request proved ({@link JsonApiCallers}) and the gateway's
 * secret; status, body and content type come back as the service sent them.
 */
@ApplicationScoped
public class ServiceProxy {
    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    /** The request headers a service reads; the rest (hop-by-hop, host, length) are the client's business. */
    public static final String ACCOUNT_HEADER = "X-Privet-Account";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    /** What proves to a service that a request came through the gateway (the services' {@code GatewaySecret}). */
    public static final String SECRET_HEADER = "X-Privet-Gateway-Secret";
    /** The client's headers a service reads; the account is not among them: the gateway sets it. */
    static final List<String> FORWARDED_HEADERS = List.of("Content-Type", "Accept", IDEMPOTENCY_KEY_HEADER);
    /** The response headers a client needs besides the body: its type, and when to retry a 503. */
    static final List<String> RETURNED_HEADERS = List.of("Content-Type", "Retry-After");
    private static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

    private final ServicesConfig config;
    private final JsonApiCallers callers;
    private final java.util.Optional<String> secret;
    private final WebClient client;

    /**
     * @param secret {@code privet.gateway-secret}, the same key the services check: sent with every request, so a
     *               service trusts the account only from the gateway. Unset, the services trust whoever reaches them.
     */
    ServiceProxy(ServicesConfig config, JsonApiCallers callers, Vertx vertx,
                 @ConfigProperty(name = "privet.gateway-secret") java.util.Optional<String> secret) {
        this.config = config;
        this.callers = callers;
        this.secret = secret;
        this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setDecompressionSupported(false));
    }

    void routes(@Observes Router router) {
        // Quarkus hands routes a paused request: the body handler reads it (bounded) before forwarding.
        router.route("/v1/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES)).handler(this::forward);
        // Anything no service owns (health and other /q/ routes are matched before this).
        router.route().last().handler(ctx -> Problems.send(ctx, 404, "Not Found", "NotFound",
                "no service answers " + ctx.request().method() + " " + ctx.request().path()));
    }

    private void forward(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        var backend = RouteTable.backendFor(path);
        if (backend.isEmpty()) {
            ctx.next();
            return;
        }
        String account;
        try {
            account = callers.accountOf(IncomingRequests.of(ctx),
                    java.util.Optional.ofNullable(ctx.request().getHeader(ACCOUNT_HEADER)));
        } catch (QueryFault refused) {
            Problems.send(ctx, refused.status(),
                    io.netty.handler.codec.http.HttpResponseStatus.valueOf(refused.status()).reasonPhrase(),
                    refused.code().wire(), refused.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.error("could not authenticate " + ctx.request().method() + " " + path, e);
            Problems.send(ctx, 500, "Internal Server Error", "InternalError", "an unexpected error occurred");
            return;
        }
        send(ctx, backend.get(), path, account, ctx.request(), ctx.body().buffer());
    }

    private void send(RoutingContext ctx, Backend backend, String path, String account, HttpServerRequest in,
                      io.vertx.core.buffer.Buffer body) {
        URI base = URI.create(config.url(backend));
        String uri = path + (in.query() == null ? "" : "?" + in.query());
        HttpRequest<Buffer> out = client.request(HttpMethod.valueOf(in.method().name()), config.port(backend), base.getHost(), uri)
                .ssl("https".equals(base.getScheme()))
                .timeout(config.timeout().toMillis());
        out.putHeader(ACCOUNT_HEADER, account);
        secret.ifPresent(value -> out.putHeader(SECRET_HEADER, value));
        for (String header : FORWARDED_HEADERS) {
            String value = in.getHeader(header);
            if (value != null) {
                out.putHeader(header, value);
            }
        }
        var answer = body == null || body.length() == 0 ? out.send() : out.sendBuffer(Buffer.newInstance(body));
        answer.subscribe().with(response -> reply(ctx, response), failure -> {
            LOG.warnf("%s-service at %s did not answer %s %s: %s", backend.serviceName(), base, in.method(), uri,
                    failure.toString());
            Problems.send(ctx, 502, "Bad Gateway", "ServiceUnavailable",
                    backend.serviceName() + "-service did not answer");
        });
    }

    private static void reply(RoutingContext ctx, HttpResponse<Buffer> response) {
        var out = ctx.response().setStatusCode(response.statusCode());
        for (String header : RETURNED_HEADERS) {
            String value = response.getHeader(header);
            if (value != null) {
                out.putHeader(header, value);
            }
        }
        Buffer body = response.body();
        if (body == null) {
            out.end();
        } else {
            out.end(body.getDelegate());
        }
    }
}
