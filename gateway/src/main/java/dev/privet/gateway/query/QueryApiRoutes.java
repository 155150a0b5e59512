package dev.privet.gateway.query;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.gateway.IncomingRequests;
import dev.privet.gateway.auth.IncomingRequest;
import dev.privet.gateway.auth.SignatureV4;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The AWS Query APIs at the gateway's root: {@code POST /} with a form body, or {@code GET /?Action=...}. A request
 * is verified (Signature V4) before its parameters are read; the service it is for is the one its credential
 * scope names ({@code ec2} or {@code elasticloadbalancing}), and its {@code Version} must be that API's. The action
 * runs on a worker thread, since it waits for the services.
 */
@ApplicationScoped
public class QueryApiRoutes {
    private static final Logger LOG = Logger.getLogger(QueryApiRoutes.class);
    /** AWS's Query APIs take far smaller requests; this bounds what is read before anything is checked. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    static final String XML = "text/xml;charset=UTF-8";

    private final SignatureV4 signatures;
    private final ServiceCalls services;
    private final String region;
    private final Map<QueryProtocol, Map<String, QueryAction>> actions = new EnumMap<>(QueryProtocol.class);

    QueryApiRoutes(SignatureV4 signatures, ServiceCalls services, Instance<QueryActions> groups,
                   @ConfigProperty(name = "privet.region", defaultValue = "us-east-1") String region) {
        this.signatures = signatures;
        this.services = services;
        this.region = region;
        for (QueryActions group : groups) {
            group.actions().forEach((name, action) -> {
                if (actions.computeIfAbsent(group.protocol(), p -> new HashMap<>()).put(name, action) != null) {
                    throw new IllegalStateException(group.protocol() + " action " + name + " is defined twice");
                }
            });
        }
    }

    void routes(@Observes Router router) {
        router.route("/").method(HttpMethod.POST).method(HttpMethod.GET)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
                .blockingHandler(this::handle, false)
                .failureHandler(this::failed);
    }

    private void handle(RoutingContext ctx) {
        String requestId = UUID.randomUUID().toString();
        QueryProtocol protocol = QueryProtocol.EC2;
        try {
            IncomingRequest request = IncomingRequests.of(ctx);
            protocol = guess(request);
            var verified = signatures.verify(request);
            protocol = QueryProtocol.bySigningName(verified.service()).orElseThrow(() -> QueryFault.of(
                    ErrorCode.SIGNATURE_DOES_NOT_MATCH, "Credential should be scoped to correct service: 'ec2' or "
                            + "'elasticloadbalancing', not " + Shown.of(verified.service())));
            Map<String, List<String>> decoded = new LinkedHashMap<>(request.query());
            if ("POST".equals(request.method())) {
                formBody(request).forEach((name, values) -> decoded.merge(name, values,
                        (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
            }
            QueryParameters params = QueryParameters.of(decoded, protocol == QueryProtocol.EC2);
            String version = params.required("Version");
            if (!protocol.version().equals(version)) {
                throw QueryFault.invalidValue("Version " + Shown.of(version) + " is not an API version of "
                        + protocol.signingName() + " here; use " + protocol.version());
            }
            String name = params.required("Action");
            QueryAction action = actions.getOrDefault(protocol, Map.of()).get(name);
            if (action == null) {
                throw QueryFault.of(ErrorCode.INVALID_ACTION, "The action " + Shown.of(name)
                        + " is not valid for this web service.");
            }
            var writer = action.run(new QueryCall(params, verified.identity(), services, region,
                    request.header("amz-sdk-invocation-id")));
            answer(ctx, 200, requestId, protocol.success(name, requestId, writer));
        } catch (QueryFault fault) {
            answer(ctx, fault.status(), requestId, protocol.error(protocol.inItsTerms(fault), requestId));
        } catch (RuntimeException e) {
            LOG.errorf(e, "request %s failed", requestId);
            answer(ctx, 500, requestId, protocol.error(new QueryFault(ErrorCode.INTERNAL_ERROR, 500,
                    "An internal error has occurred; see the gateway's log for request " + requestId), requestId));
        }
    }

    /** A body too large, or one that could not be read: AWS error XML rather than the router's plain text. */
    private void failed(RoutingContext ctx) {
        String requestId = UUID.randomUUID().toString();
        QueryFault fault = ctx.statusCode() == 413
                ? QueryFault.of(ErrorCode.REQUEST_ENTITY_TOO_LARGE, "The request body is larger than "
                + MAX_BODY_BYTES + " bytes")
                : QueryFault.of(ErrorCode.MALFORMED_QUERY_STRING, "The request could not be read");
        answer(ctx, fault.status(), requestId, QueryProtocol.EC2.error(fault, requestId));
    }

    private static void answer(RoutingContext ctx, int status, String requestId, String xml) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", XML).putHeader("x-amzn-RequestId", requestId)
                .end(xml);
    }

    private static Map<String, List<String>> formBody(IncomingRequest request) {
        if (request.body().length == 0) {
            return Map.of();
        }
        String type = request.header("content-type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw QueryFault.of(ErrorCode.MALFORMED_QUERY_STRING,
                    "A POST must carry its parameters as application/x-www-form-urlencoded");
        }
        return IncomingRequests.decode(new String(request.body(), StandardCharsets.UTF_8));
    }

    /** The protocol a request is most likely for, to shape an error raised before its signature is verified. */
    private static QueryProtocol guess(IncomingRequest request) {
        Map<String, List<String>> params = request.query();
        Optional<QueryProtocol> byScope = request.header("authorization")
                .map(h -> h.split("/")).filter(parts -> parts.length > 3)
                .flatMap(parts -> QueryProtocol.bySigningName(parts[3]));
        return byScope.or(() -> Optional.ofNullable(params.get("Version")).filter(v -> !v.isEmpty())
                .flatMap(v -> QueryProtocol.byVersion(v.getFirst()))).orElse(QueryProtocol.EC2);
    }
}
