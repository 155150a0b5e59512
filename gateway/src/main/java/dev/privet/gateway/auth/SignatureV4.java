package dev.privet.gateway.auth;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.gateway.query.QueryFault;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.Aws4UnsignedPayloadSigner;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Verifies a request's Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=...,
 * Signature=...}): the scope's region must be the installation's ({@code privet.region}), the key known, the signing
 * time within the clock skew, and the signature the one the AWS SDK's signer computes for the same request with the
 * key's secret, at the time and in the scope the client gave.
 *
 * <p>The signer is the SDK's {@code Aws4Signer}, not the newer {@code AwsV4HttpSigner}: the newer one always adds
 * and signs an {@code x-amz-content-sha256} header, so it cannot reproduce the signature of a client that does not
 * sign that header, such as the AWS CLI (it signs {@code content-type;host;x-amz-date}). {@code Aws4Signer} signs
 * the headers it is given, so it is handed those the client listed in {@code SignedHeaders}. It leaves out a few
 * that no AWS client signs ({@code connection}, {@code user-agent}, {@code expect}, {@code x-amzn-trace-id}): a
 * client that signs one of those does not match.
 */
@ApplicationScoped
public class SignatureV4 {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** What a verified signature establishes: who signed, and for which region and service. */
    public record Verified(Identity identity, String region, String service) {
    }

    private final AccessKeys keys;
    private final Duration clockSkew;
    private final String region;
    private final Clock clock;

    SignatureV4(AccessKeys keys, AuthConfig config,
                @ConfigProperty(name = "privet.region", defaultValue = "us-east-1") String region) {
        this.keys = keys;
        this.clockSkew = config.clockSkew();
        this.region = region;
        this.clock = Clock.systemUTC();
    }

    public Verified verify(IncomingRequest request) {
        if (request.query().containsKey("X-Amz-Signature")) {
            throw QueryFault.of(ErrorCode.MISSING_AUTHENTICATION_TOKEN,
                    "Signatures in the query string are not supported; sign the request in its Authorization header");
        }
        String header = request.header("authorization").orElseThrow(() -> QueryFault.of(
                ErrorCode.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token"));
        Authorization auth = Authorization.parse(header);
        if (!region.equals(auth.region())) {
            throw QueryFault.of(ErrorCode.SIGNATURE_DOES_NOT_MATCH, "Credential should be scoped to a valid region: "
                    + "this installation is " + region + ", not '" + auth.region() + "'");
        }
        Instant signedAt = signingTime(request, auth);
        var credentials = keys.find(auth.accessKeyId()).orElseThrow(() -> QueryFault.of(
                ErrorCode.INVALID_CLIENT_TOKEN_ID, "The security token included in the request is invalid."));
        String expected = Authorization.parse(sign(request, auth, credentials.secret(), signedAt)).signature();
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw QueryFault.of(ErrorCode.SIGNATURE_DOES_NOT_MATCH, "The request signature we calculated does not "
                    + "match the signature you provided. Check your AWS Secret Access Key and signing method.");
        }
        return new Verified(credentials.identity(), auth.region(), auth.service());
    }

    private Instant signingTime(IncomingRequest request, Authorization auth) {
        String amzDate = request.header("x-amz-date").orElseThrow(() -> QueryFault.of(ErrorCode.INCOMPLETE_SIGNATURE,
                "The request must carry the X-Amz-Date header it was signed with"));
        Instant signedAt;
        try {
            signedAt = AMZ_DATE.parse(amzDate, Instant::from);
        } catch (DateTimeParseException e) {
            throw QueryFault.of(ErrorCode.INCOMPLETE_SIGNATURE, "X-Amz-Date must look like 20261201T120000Z");
        }
        if (!amzDate.startsWith(auth.date())) {
            throw QueryFault.of(ErrorCode.SIGNATURE_DOES_NOT_MATCH, "The credential's date " + auth.date()
                    + " is not the date of X-Amz-Date " + amzDate);
        }
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(clockSkew) > 0) {
            throw QueryFault.of(ErrorCode.REQUEST_EXPIRED, "Request has expired: it was signed at " + signedAt
                    + ", and the gateway's time is " + now + " (at most " + clockSkew.toMinutes() + " minutes apart)");
        }
        return signedAt;
    }

    private static String sign(IncomingRequest request, Authorization auth, String secret, Instant signedAt) {
        String host = request.header("host").orElseThrow(() -> QueryFault.of(ErrorCode.INCOMPLETE_SIGNATURE,
                "The request must carry a Host header"));
        SdkHttpMethod method;
        try {
            method = SdkHttpMethod.fromValue(request.method());
        } catch (IllegalArgumentException e) {
            throw QueryFault.of(ErrorCode.INCOMPLETE_SIGNATURE, "A " + request.method() + " request cannot be signed");
        }
        SdkHttpFullRequest.Builder copy = SdkHttpFullRequest.builder()
                .method(method)
                .protocol("https") // not part of what is signed; https lets an unsigned payload be verified too
                .host(hostName(host))
                .port(port(host))
                .encodedPath(request.path())
                .contentStreamProvider(ContentStreamProvider.fromByteArray(request.body()));
        Map<String, java.util.List<String>> query = new HashMap<>(request.query());
        copy.rawQueryParameters(query);
        for (String name : auth.signedHeaders()) {
            if (!name.equals("x-amz-date")) { // the signer writes it from the signing time
                copy.putHeader(name, request.headers().getOrDefault(name, java.util.List.of()));
            }
        }
        AwsCredentials credentials = request.header("x-amz-security-token")
                .<AwsCredentials>map(token -> AwsSessionCredentials.create(auth.accessKeyId(), secret, token))
                .orElse(AwsBasicCredentials.create(auth.accessKeyId(), secret));
        Aws4SignerParams params = Aws4SignerParams.builder().awsCredentials(credentials)
                .signingName(auth.service()).signingRegion(Region.of(auth.region()))
                .signingClockOverride(Clock.fixed(signedAt, ZoneOffset.UTC)).build();
        boolean unsigned = request.header("x-amz-content-sha256").filter(UNSIGNED_PAYLOAD::equals).isPresent();
        var signed = unsigned ? Aws4UnsignedPayloadSigner.create().sign(copy.build(), params)
                : Aws4Signer.create().sign(copy.build(), params);
        return signed.firstMatchingHeader("Authorization").orElseThrow();
    }

    /** The port a Host header names; -1 (the scheme's default) when it names none. */
    private static int port(String hostHeader) {
        int colon = hostHeader.lastIndexOf(':');
        if (colon < 0 || hostHeader.endsWith("]")) {
            return -1;
        }
        try {
            return Integer.parseInt(hostHeader.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw QueryFault.of(ErrorCode.INCOMPLETE_SIGNATURE, "The Host header's port is not a number");
        }
    }

    private static String hostName(String hostHeader) {
        int colon = hostHeader.lastIndexOf(':');
        return colon > 0 && !hostHeader.endsWith("]") ? hostHeader.substring(0, colon) : hostHeader;
    }
}
