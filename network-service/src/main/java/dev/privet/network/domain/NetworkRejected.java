package dev.privet.network.domain;

/** A network command that is not allowed, with the AWS error code and the field at fault. */
public class NetworkRejected extends RuntimeException {
    private final String code;
    private final String field;

    public NetworkRejected(String code, String field, String message) {
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
}
