package dev.privet.gateway.query;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Signs a form POST the way the AWS CLI does: only {@code content-type}, {@code host} and {@code x-amz-date} are
 * signed, and no {@code x-amz-content-sha256} header is sent. Returns the headers to send.
 */
final class CliSignature {
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    private CliSignature() {
    }

    static Map<String, String> sign(URI gateway, String body, String accessKey, String secret, String region,
                                    String service, Instant at) {
        String host = gateway.getHost() + ":" + gateway.getPort();
        var request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).protocol("http")
                .host(gateway.getHost()).port(gateway.getPort()).encodedPath("/")
                .putHeader("Content-Type", FORM).putHeader("Host", host)
                .contentStreamProvider(ContentStreamProvider.fromUtf8String(body)).build();
        var params = Aws4SignerParams.builder().awsCredentials(AwsBasicCredentials.create(accessKey, secret))
                .signingName(service).signingRegion(Region.of(region))
                .signingClockOverride(Clock.fixed(at, ZoneOffset.UTC)).build();
        var signed = Aws4Signer.create().sign(request, params);
        return Map.of("Authorization", signed.firstMatchingHeader("Authorization").orElseThrow(),
                "X-Amz-Date", signed.firstMatchingHeader("X-Amz-Date").orElseThrow());
    }
}
