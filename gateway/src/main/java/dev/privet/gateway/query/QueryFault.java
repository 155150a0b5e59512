package dev.privet.gateway.query;

import dev.privet.contracts.errors.ErrorCode;

/**
 * A Query API request that fails with an AWS error: the code, the HTTP status AWS answers it with, and the message.
 * Thrown anywhere while a request is handled; the Query API routes alone turn it into error XML. Nothing was changed
 * when it is thrown before the owning service accepted the request.
 */
public class QueryFault extends RuntimeException {
    private final ErrorCode code;
    private final int status;

    public QueryFault(ErrorCode code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    /** A fault with the status AWS gives {@code code}: 400 for what the caller got wrong, unless said otherwise. */
    public static QueryFault of(ErrorCode code, String message) {
        return new QueryFault(code, statusOf(code), message);
    }

    public static QueryFault invalidValue(String message) {
        return of(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }

    public static QueryFault missing(String parameter) {
        return of(ErrorCode.MISSING_PARAMETER, "The request must contain the parameter " + parameter);
    }

    static int statusOf(ErrorCode code) {
        return switch (code) {
            case MISSING_AUTHENTICATION_TOKEN, AUTH_FAILURE -> 401;
            case INVALID_CLIENT_TOKEN_ID, SIGNATURE_DOES_NOT_MATCH -> 403;
            case CONCURRENT_MODIFICATION -> 409;
            case DRY_RUN_OPERATION -> 412;
            case REQUEST_ENTITY_TOO_LARGE -> 413;
            case SERVICE_UNAVAILABLE -> 503;
            case INTERNAL_ERROR -> 500;
            default -> 400;
        };
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return status;
    }
}
