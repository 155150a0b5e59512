package dev.privet.provider.domain;

/**
 * A command the endpoint service does not allow in its current state, with the AWS error code, the field at fault
 * and why.
 */
public class EndpointServiceRejected extends RuntimeException {
    public static final String NOT_FOUND = "InvalidVpcEndpointServiceId.NotFound";

    private final String code;
    private final String field;

    public EndpointServiceRejected(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public boolean isNotFound() {
        return NOT_FOUND.equals(code);
    }
}
