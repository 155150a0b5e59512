package dev.privet.runtime;

/**
 * A request that cannot be served as asked, with the status, the AWS-style error code, what is wrong and the field
 * at fault. It leaves the service as {@code application/problem+json}; nothing was appended.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String field, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** A value that is missing or malformed: 400 {@code InvalidParameterValue} naming the field. */
    public static ApiException invalid(String field, String detail) {
        return new ApiException(400, "InvalidParameterValue", field, detail);
    }

    /** A value that is missing: 400 {@code MissingParameter} naming the field. */
    public static ApiException missing(String field) {
        return new ApiException(400, "MissingParameter", field, field + " is required");
    }

    /** A resource that does not exist (for this caller): 404 with the resource's AWS code, such as {@code InvalidVpcId.NotFound}. */
    public static ApiException notFound(String code, String field, String detail) {
        return new ApiException(404, code, field, detail);
    }

    /** A request that is well formed but not allowed in the resource's current state: 409. */
    public static ApiException conflict(String code, String field, String detail) {
        return new ApiException(409, code, field, detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
