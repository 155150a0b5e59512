package dev.privet.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Outside local use, the JSON API takes the account only from what a request proves: a Signature V4 signature or a
 * bearer API key. A claimed {@code X-Privet-Account} alone is refused, and never passed on in place of the proof.
 */
@QuarkusTest
@QuarkusTestResource(value = StubBackends.class, restrictToAnnotatedClass = true)
@TestProfile(JsonApiAuthTest.Locked.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JsonApiAuthTest {
    static final String API_KEY = "k-0123456789abcdef";

    public static class Locked implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("privet.auth.account-header", "false", "privet.auth.local-keys", "false",
                    "privet.auth.api-keys.\"" + API_KEY + "\"", "777788889999");
        }
    }

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void a_claimed_account_alone_is_refused() {
        given().header("X-Privet-Account", "111122223333").get("/v1/vpcs").then().statusCode(401)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("AuthFailure"));
        given().get("/v1/vpcs").then().statusCode(401);
    }

    @Test
    void a_bearer_api_key_acts_for_its_account_whatever_the_header_claims() {
        given().header("Authorization", "Bearer " + API_KEY).header("X-Privet-Account", "111122223333")
                .get("/v1/vpcs").then().statusCode(200).body("account", equalTo("777788889999"));
        given().header("Authorization", "Bearer nope").get("/v1/vpcs").then().statusCode(403)
                .body("code", equalTo("InvalidClientTokenId"));
    }

    @Test
    void a_signed_request_acts_for_the_signer_and_without_local_keys_a_twelve_digit_key_is_no_one() {
        given().headers(signed("/v1/vpcs", "AKIAPRIVETTEST000001", "configured-secret"))
                .header("X-Privet-Account", "111122223333")
                .get("/v1/vpcs").then().statusCode(200).body("account", equalTo("999988887777"));
        given().headers(signed("/v1/vpcs", "444455556666", "test")).get("/v1/vpcs").then().statusCode(403)
                .body("code", equalTo("InvalidClientTokenId"));
    }

    Map<String, String> signed(String path, String key, String secret) {
        var request = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).protocol("http")
                .host(gateway.getHost()).port(gateway.getPort()).encodedPath(path)
                .putHeader("Host", gateway.getHost() + ":" + gateway.getPort()).build();
        var signed = Aws4Signer.create().sign(request, Aws4SignerParams.builder()
                .awsCredentials(AwsBasicCredentials.create(key, secret)).signingName("privet")
                .signingRegion(Region.US_EAST_1).build());
        return Map.of("Authorization", signed.firstMatchingHeader("Authorization").orElseThrow(),
                "X-Amz-Date", signed.firstMatchingHeader("X-Amz-Date").orElseThrow());
    }

    @Test
    void a_signature_over_another_path_does_not_match() {
        given().headers(signed("/v1/vpcs", "AKIAPRIVETTEST000001", "configured-secret"))
                .get("/v1/subnets").then().statusCode(403).body("code", equalTo("SignatureDoesNotMatch"));
    }
}
