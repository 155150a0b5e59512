package dev.privet.contracts.errors;

/**
 * A request or command that cannot be carried out as asked: what kind of refusal it is, the error code, the field at
 * fault (as the client named it, such as {@code subnetIds[1]}; null when no one field is) and what is wrong. Domain
 * and application code throw it; the web layer alone turns it into a response (problem+json for REST, EC2 error XML
 * for the Query API). Nothing was appended when it is thrown before a commit.
 */
public class Rejection extends RuntimeException {

    /** What kind of refusal: the web layer picks the status from it. */
    public enum Kind {
        /** The request is malformed or breaks a rule: 400. */
        INVALID,
        /** The caller is not who it must be, or did not say: 401. */
        UNAUTHENTICATED,
        /** What the request names does not exist for this caller: 404. */
        NOT_FOUND,
        /** The request collides with the resource's current state or a concurrent change: 409. */
        CONFLICT,
        /** The request could not be confirmed in time; retrying it is safe: 503 with Retry-After. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final ErrorCode code;
    private final String field;

    public Rejection(Kind kind, ErrorCode code, String field, String detail) {
        super(detail);
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
        this.code = java.util.Objects.requireNonNull(code, "code");
        this.field = field;
    }

    public static Rejection invalid(ErrorCode code, String field, String detail) {
        return new Rejection(Kind.INVALID, code, field, detail);
    }

    /** A value that is malformed or out of bounds: {@code InvalidParameterValue} naming the field. */
    public static Rejection invalidValue(String field, String detail) {
        return invalid(ErrorCode.INVALID_PARAMETER_VALUE, field, detail);
    }

    /** A value that is missing: {@code MissingParameter} naming the field. */
    public static Rejection missing(String field) {
        return invalid(ErrorCode.MISSING_PARAMETER, field, field + " is required");
    }

    public static Rejection notFound(ErrorCode code, String field, String detail) {
        return new Rejection(Kind.NOT_FOUND, code, field, detail);
    }

    public static Rejection conflict(ErrorCode code, String field, String detail) {
        return new Rejection(Kind.CONFLICT, code, field, detail);
    }

    /** The answer could not be confirmed within its bound; the client may retry. */
    public static Rejection unavailable(String detail) {
        return new Rejection(Kind.UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE, null, detail);
    }

    public Kind kind() {
        return kind;
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }
}
