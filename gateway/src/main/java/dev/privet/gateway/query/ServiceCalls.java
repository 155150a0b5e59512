package dev.privet.gateway.query;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.gateway.auth.Identity;
import dev.privet.contracts.http.PrivetHeaders;
import dev.privet.gateway.Backend;
import dev.privet.gateway.Backends;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The Query API's calls to the services' JSON API, on the caller's behalf, blocking a worker thread until the answer.
 * The services stay the authority: what they refuse comes back as a {@link QueryFault} with the code they answered
 * (problem+json {@code code}) and their message; a service that does not answer is {@code ServiceUnavailable}.
 */
@ApplicationScoped
public class ServiceCalls {
    private static final Logger LOG = Logger.getLogger(ServiceCalls.class);

    private final Backends backends;

    ServiceCalls(Backends backends) {
        this.backends = backends;
    }

    public JsonObject get(Backend backend, String uri, Identity caller) {
        return object(send(backend, HttpMethod.GET, uri, caller, null, Optional.empty()));
    }

    public JsonArray list(Backend backend, String uri, Identity caller) {
        return array(backend, uri, send(backend, HttpMethod.GET, uri, caller, null, Optional.empty()));
    }

    /** A change that the service answers with a list (such as the targets of a group after a registration). */
    public JsonArray postForList(Backend backend, String uri, Identity caller, JsonObject body) {
        return array(backend, uri, send(backend, HttpMethod.POST, uri, caller, body, Optional.empty()));
    }

    private static JsonArray array(Backend backend, String uri, Buffer body) {
        try {
            return body.toJsonArray();
        } catch (DecodeException | ClassCastException e) {
            throw unexpected(backend, uri, "an answer that is not a JSON array");
        }
    }

    /** A create: {@code idempotencyKey} (the request's {@code ClientToken}) makes a retry return the same resource. */
    public JsonObject post(Backend backend, String uri, Identity caller, JsonObject body,
                           Optional<String> idempotencyKey) {
        return object(send(backend, HttpMethod.POST, uri, caller, body, idempotencyKey));
    }

    /** A change to a resource that exists, answered with the resource as it is now. */
    public JsonObject patch(Backend backend, String uri, Identity caller, JsonObject body) {
        return object(send(backend, HttpMethod.PATCH, uri, caller, body, Optional.empty()));
    }

    public JsonObject delete(Backend backend, String uri, Identity caller) {
        return object(send(backend, HttpMethod.DELETE, uri, caller, null, Optional.empty()));
    }

    private Buffer send(Backend backend, HttpMethod method, String uri, Identity caller, JsonObject body,
                        Optional<String> idempotencyKey) {
        HttpRequest<Buffer> request = backends.request(backend, method, uri, caller)
                .putHeader("Accept", "application/json");
        idempotencyKey.ifPresent(key -> request.putHeader(PrivetHeaders.IDEMPOTENCY_KEY, key));
        HttpResponse<Buffer> response;
        try {
            response = (body == null ? request.send() : request.sendJsonObject(body)).await().indefinitely();
        } catch (RuntimeException e) {
            LOG.warnf("%s-service did not answer %s %s: %s", backend.serviceName(), method, uri, e.toString());
            throw new QueryFault(ErrorCode.SERVICE_UNAVAILABLE, 503, backend.serviceName()
                    + "-service did not answer; retry the request");
        }
        if (response.statusCode() >= 400) {
            throw refusal(backend, uri, response);
        }
        return response.body() == null ? Buffer.buffer("{}") : response.body();
    }

    private QueryFault refusal(Backend backend, String uri, HttpResponse<Buffer> response) {
        JsonObject problem;
        try {
            problem = response.body() == null ? new JsonObject() : response.body().toJsonObject();
        } catch (DecodeException | ClassCastException e) {
            problem = new JsonObject();
        }
        String detail = problem.getString("detail", "");
        Optional<ErrorCode> code = Optional.ofNullable(problem.getString("code")).flatMap(ErrorCode::fromWire)
                .filter(c -> c != ErrorCode.NOT_FOUND && c != ErrorCode.INTERNAL_ERROR);
        if (response.statusCode() == 503) {
            return new QueryFault(ErrorCode.SERVICE_UNAVAILABLE, 503, detail.isEmpty()
                    ? backend.serviceName() + "-service is busy; retry the request" : detail);
        }
        if (response.statusCode() >= 500 || response.statusCode() == 401 || code.isEmpty()) {
            // 401 from a service means it refused the gateway itself: privet.gateway-secret differs between them
            return unexpected(backend, uri, "status " + response.statusCode() + " " + problem.encode());
        }
        return QueryFault.of(code.get(), detail);
    }

    private static QueryFault unexpected(Backend backend, String uri, String what) {
        LOG.errorf("%s-service answered %s with %s", backend.serviceName(), uri, what);
        return new QueryFault(ErrorCode.INTERNAL_ERROR, 500, "An internal error has occurred; see the gateway's log");
    }

    private JsonObject object(Buffer body) {
        try {
            return body.toJsonObject();
        } catch (DecodeException | ClassCastException e) {
            throw new QueryFault(ErrorCode.INTERNAL_ERROR, 500, "An internal error has occurred; see the gateway's log");
        }
    }
}
