package dev.privet.gateway;

import dev.privet.contracts.http.PrivetHeaders;
import dev.privet.gateway.auth.Identity;
import dev.privet.gateway.auth.JsonApiCallers;
import dev.privet.gateway.query.QueryFault;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Forwards the REST API to the service that owns each path, without blocking: method, path, query, body and the
 * headers that matter go out, with the account the request proved ({@link JsonApiCallers}) and the gateway's
 * secret; status, body and content type come back as the service sent them.
 */
@ApplicationScoped
public class ServiceProxy {
    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    /**
     * The client's headers a service reads; the rest (hop-by-hop, host, length) are the client's business. The
     * account and the principal are not among them: the gateway sets those.
     */
    static final List<String> FORWARDED_HEADERS = List.of("Content-Type", "Accept", PrivetHeaders.IDEMPOTENCY_KEY);
    /** The response headers a client needs besides the body: its type, and when to retry a 503. */
    static final List<String> RETURNED_HEADERS = List.of("Content-Type", "Retry-After");
    private static final long MAX_BODY_BYTES = 10L * 1024 * 1024;
    /**
     * The local of a request's (duplicated) Vert.x context where Quarkus' HTTP server metrics read the request's route
     * template, their {@code uri} tag; without it a proxied request counts under its raw path, one series per
     * resource.
     */
    static final String METRICS_ROUTE = "UrlPathTemplate";

    private final Backends backends;
    private final JsonApiCallers callers;

    ServiceProxy(Backends backends, JsonApiCallers callers) {
        this.backends = backends;
        this.callers = callers;
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
        ctx.vertx().getOrCreateContext().putLocal(METRICS_ROUTE, RouteTable.template(path)); // this request's context
        Identity caller;
        try {
            caller = callers.callerOf(java.util.Optional.ofNullable(ctx.request().getHeader("Authorization")),
                    java.util.Optional.ofNullable(ctx.request().getHeader(PrivetHeaders.ACCOUNT)),
                    () -> IncomingRequests.of(ctx));
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
        send(ctx, backend.get(), path, caller, ctx.request(), ctx.body().buffer());
    }

    private void send(RoutingContext ctx, Backend backend, String path, Identity caller, HttpServerRequest in,
                      io.vertx.core.buffer.Buffer body) {
        String uri = path + (in.query() == null ? "" : "?" + in.query());
        HttpRequest<Buffer> out = backends.request(backend, HttpMethod.valueOf(in.method().name()), uri, caller);
        for (String header : FORWARDED_HEADERS) {
            String value = in.getHeader(header);
            if (value != null) {
                out.putHeader(header, value);
            }
        }
        var answer = body == null || body.length() == 0 ? out.send() : out.sendBuffer(Buffer.newInstance(body));
        answer.subscribe().with(response -> reply(ctx, response), failure -> {
            LOG.warnf("%s-service at %s did not answer %s %s: %s", backend.serviceName(), backends.url(backend),
                    in.method(), uri, failure.toString());
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
