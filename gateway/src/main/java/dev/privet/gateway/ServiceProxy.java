package dev.privet.gateway;

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
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.List;

/**
 * Forwards the REST API to the service that owns each path, without blocking: method, path, query, body and the
 * headers that matter go out; status, body and content type come back as the service sent them.
 */
@ApplicationScoped
public class ServiceProxy {
    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    /** The request headers a service reads; the rest (hop-by-hop, host, length) are the client's business. */
    public static final String ACCOUNT_HEADER = "X-Privet-Account";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final List<String> FORWARDED_HEADERS = List.of(ACCOUNT_HEADER, "Content-Type", "Accept",
            IDEMPOTENCY_KEY_HEADER);
    /** The response headers a client needs besides the body: its type, and when to retry a 503. */
    static final List<String> RETURNED_HEADERS = List.of("Content-Type", "Retry-After");
    private static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

    private final ServicesConfig config;
    private final WebClient client;

    ServiceProxy(ServicesConfig config, Vertx vertx) {
        this.config = config;
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
        send(ctx, backend.get(), path, ctx.request(), ctx.body().buffer());
    }

    private void send(RoutingContext ctx, Backend backend, String path, HttpServerRequest in,
                      io.vertx.core.buffer.Buffer body) {
        URI base = URI.create(config.url(backend));
        String uri = path + (in.query() == null ? "" : "?" + in.query());
        HttpRequest<Buffer> out = client.request(HttpMethod.valueOf(in.method().name()), config.port(backend), base.getHost(), uri)
                .ssl("https".equals(base.getScheme()))
                .timeout(config.timeout().toMillis());
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
