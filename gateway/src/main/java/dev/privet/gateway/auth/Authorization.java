package dev.privet.gateway.auth;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.gateway.query.QueryFault;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parts of a Signature V4 {@code Authorization} header:
 * {@code AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/aws4_request, SignedHeaders=<a;b>, Signature=<hex>}.
 */
record Authorization(String accessKeyId, String date, String region, String service, List<String> signedHeaders,
                     String signature) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern DATE = Pattern.compile("\\d{8}");
    /** A region or a service name in a credential scope: AWS's are lowercase words, digits and hyphens. */
    private static final Pattern SCOPE_NAME = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Pattern SIGNED_HEADER = Pattern.compile("[a-z0-9-]{1,128}");

    static Authorization parse(String header) {
        if (!header.startsWith(SignatureV4.ALGORITHM + " ")) {
            throw incomplete("The Authorization header must use " + SignatureV4.ALGORITHM);
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : header.substring(SignatureV4.ALGORITHM.length() + 1).split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2) {
                parts.put(pair[0], pair[1]);
            }
        }
        String credential = parts.get("Credential");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        if (credential == null || signedHeaders == null || signature == null) {
            throw incomplete("The Authorization header must name Credential, SignedHeaders and Signature");
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4]) || scope[0].isEmpty() || scope[0].length() > 128
                || !DATE.matcher(scope[1]).matches() || !SCOPE_NAME.matcher(scope[2]).matches()
                || !SCOPE_NAME.matcher(scope[3]).matches()) {
            throw incomplete("The Credential must be <access key id>/<yyyymmdd>/<region>/<service>/aws4_request");
        }
        List<String> headers = List.of(signedHeaders.split(";"));
        if (headers.size() > 64 || !headers.stream().allMatch(h -> SIGNED_HEADER.matcher(h).matches())) {
            throw incomplete("The SignedHeaders must be lowercase header names separated by ';'");
        }
        if (!headers.contains("host")) {
            throw incomplete("The signed headers must include host");
        }
        if (!HEX.matcher(signature).matches()) {
            throw incomplete("The Signature must be 64 lowercase hex digits");
        }
        return new Authorization(scope[0], scope[1], scope[2], scope[3], headers, signature);
    }

    private static QueryFault incomplete(String message) {
        return QueryFault.of(ErrorCode.INCOMPLETE_SIGNATURE, message);
    }
}
