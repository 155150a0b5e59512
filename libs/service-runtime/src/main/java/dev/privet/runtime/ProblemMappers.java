package dev.privet.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.privet.eventstore.ConcurrencyConflictException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

/** Every error leaves a service as {@code application/problem+json}; none reaches the client as a bare 500. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return Problem.response(e.status(), e.code(), e.field(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(ConcurrencyConflictException e) {
        return Problem.response(409, "ConcurrentModification", null,
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
        return Problem.response(400, field == null ? "MalformedRequest" : "InvalidParameterValue", field, detail);
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
        String code = switch (status) {
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 415 -> "UnsupportedMediaType";
            default -> status < 500 ? "MalformedRequest" : "InternalError";
        };
        return Problem.response(status, code, null, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return Problem.response(500, "InternalError", null, "an unexpected error occurred; see the service log");
    }
}
