package dev.privet.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.eventstore.ConcurrencyConflictException;
import dev.privet.eventstore.EventStoreException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

/** Every error leaves a service as {@code application/problem+json}; none reaches the client as a bare 500. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Seconds a client is asked to wait before it retries a 503. */
    static final int RETRY_AFTER_SECONDS = 1;

    @ServerExceptionMapper
    public Response rejection(Rejection e) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNAVAILABLE -> 503;
        };
        return withRetryAfter(Problem.response(status, e.code().wire(), e.field(), e.getMessage()));
    }

    /** A lock that could not be had in time, a broken connection: retryable, and nothing was committed. */
    @ServerExceptionMapper
    public Response store(EventStoreException e) {
        if (e.isRetryable()) {
            LOG.warnf("retryable store failure: %s", e.getMessage());
            return withRetryAfter(Problem.response(503, ErrorCode.SERVICE_UNAVAILABLE.wire(), null,
                    "the service is busy; retry the request"));
        }
        return unexpected(e);
    }

    private static Response withRetryAfter(Response response) {
        if (response.getStatus() == 503) {
            return Response.fromResponse(response).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response conflict(ConcurrencyConflictException e) {
        return Problem.response(409, ErrorCode.CONCURRENT_MODIFICATION.wire(), null,
                "the resource changed while this request was handled; retry it");
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[")
                : null;
        String detail = field == null ? "the request body is not valid JSON"
                : "the value of " + field + " has the wrong type or shape";
        return Problem.response(400, (field == null ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INVALID_PARAMETER_VALUE).wire(),
                field, detail);
    }

    /** Quarkus maps this one itself, with a plain JSON body; the exact type is needed to take it over. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        ErrorCode code = switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status < 500 ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
        return Problem.response(status, code.wire(), null, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return Problem.response(500, ErrorCode.INTERNAL_ERROR.wire(), null, "an unexpected error occurred; see the service log");
    }
}
