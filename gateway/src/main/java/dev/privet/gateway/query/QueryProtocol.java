package dev.privet.gateway.query;

import java.util.function.Consumer;

/**
 * The two Query APIs the gateway speaks, as AWS shapes their documents. EC2 puts the result's elements straight
 * under {@code <ActionResponse>} beside a lowercase {@code requestId}, and errors in {@code <Response><Errors>}.
 * Elastic Load Balancing wraps the result in {@code <ActionResult>} with {@code <ResponseMetadata>}, and answers an
 * error as {@code <ErrorResponse>}.
 */
public enum QueryProtocol {
    EC2("ec2", "2016-11-15", "http://ec2.amazonaws.com/doc/2016-11-15/"),
    ELBV2("elasticloadbalancing", "2015-12-01", "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/");

    private final String signingName;
    private final String version;
    private final String namespace;

    QueryProtocol(String signingName, String version, String namespace) {
        this.signingName = signingName;
        this.version = version;
        this.namespace = namespace;
    }

    /** The service name in a Signature V4 credential scope. */
    public String signingName() {
        return signingName;
    }

    /** The API version a request names in {@code Version}. */
    public String version() {
        return version;
    }

    /** The protocol a credential scope's service names, if it is one of ours. */
    public static java.util.Optional<QueryProtocol> bySigningName(String service) {
        for (QueryProtocol p : values()) {
            if (p.signingName.equals(service)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }

    /** The protocol whose API version is {@code version}, if any. */
    public static java.util.Optional<QueryProtocol> byVersion(String version) {
        for (QueryProtocol p : values()) {
            if (p.version.equals(version)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }

    /** The fault as this API names it: Elastic Load Balancing calls a missing or bad parameter a ValidationError. */
    QueryFault inItsTerms(QueryFault fault) {
        boolean parameter = fault.code() == dev.privet.contracts.errors.ErrorCode.INVALID_PARAMETER_VALUE
                || fault.code() == dev.privet.contracts.errors.ErrorCode.MISSING_PARAMETER;
        return this == ELBV2 && parameter
                ? new QueryFault(dev.privet.contracts.errors.ErrorCode.VALIDATION_ERROR, 400, fault.getMessage())
                : fault;
    }

    String success(String action, String requestId, Consumer<XmlBody> result) {
        return switch (this) {
            case EC2 -> XmlBody.document(action + "Response", namespace, body -> {
                body.text("requestId", requestId);
                result.accept(body);
            });
            case ELBV2 -> XmlBody.document(action + "Response", namespace, body -> body
                    .element(action + "Result", result)
                    .element("ResponseMetadata", meta -> meta.text("RequestId", requestId)));
        };
    }

    String error(QueryFault fault, String requestId) {
        return switch (this) {
            case EC2 -> XmlBody.document("Response", null, body -> body
                    .element("Errors", errors -> errors.element("Error", error -> error
                            .text("Code", fault.code().wire())
                            .text("Message", fault.getMessage())))
                    .text("RequestID", requestId));
            case ELBV2 -> XmlBody.document("ErrorResponse", namespace, body -> body
                    .element("Error", error -> error
                            .text("Type", fault.status() >= 500 ? "Receiver" : "Sender")
                            .text("Code", fault.code().wire())
                            .text("Message", fault.getMessage()))
                    .text("RequestId", requestId));
        };
    }
}
