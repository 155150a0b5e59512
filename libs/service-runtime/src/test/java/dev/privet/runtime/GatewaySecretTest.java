package dev.privet.runtime;

import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** With a gateway secret set, a service answers only requests that carry it; its health checks stay open. */
@QuarkusTest
@TestProfile(GatewaySecretTest.WithSecret.class)
@WithTestResource(PrivetServiceTestResource.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GatewaySecretTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef";

    public static class WithSecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("privet.gateway-secret", SECRET);
        }
    }

    @Test
    void a_request_without_the_secret_is_refused_whatever_account_it_names() {
        given().header(Caller.HEADER, "111122223333").get("/admin/consumers").then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("AuthFailure"))
                .body("field", equalTo(GatewaySecret.HEADER));
        given().header(GatewaySecret.HEADER, SECRET + "x").get("/admin/consumers").then().statusCode(401);
    }

    @Test
    void a_request_with_the_secret_is_answered_and_health_and_metrics_need_none() {
        given().header(GatewaySecret.HEADER, SECRET).get("/admin/consumers").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200); // Prometheus scrapes without the gateway's secret
    }
}
