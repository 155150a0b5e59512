package dev.privet.consumer.domain;

/** A command on a VPC endpoint that is not allowed, with AWS's error code and the request field at fault. */
public class EndpointRejected extends RuntimeException {

    /** How the rejection reads to a client: bad input, or a resource it cannot see. */
    public enum Kind { INVALID, NOT_FOUND }

    private final Kind kind;
    private final String code;
    private final String field;

    public EndpointRejected(Kind kind, String code, String field, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
