package dev.privet.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem document, with the AWS-style error code and the field at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String field) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String code, String field, String detail) {
        Problem problem = new Problem("urn:privet:problem:" + code, Response.Status.fromStatusCode(status) == null
                ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase(), status, detail, code, field);
        // The header, not only the type: for errors raised while reading the body, the resource method's @Produces
        // would otherwise win the content negotiation.
        return Response.status(status).type(MEDIA_TYPE).header("Content-Type", MEDIA_TYPE).entity(problem).build();
    }
}
