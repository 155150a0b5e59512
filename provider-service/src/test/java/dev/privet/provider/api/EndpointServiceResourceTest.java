package dev.privet.provider.api;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeletionRequested;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersRejected;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersVerified;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.Topic;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.runtime.Caller;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** provider-service against a real Kafka broker and PostgreSQL: its API, its reactions and its read model. */
@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
class EndpointServiceResourceTest {
    private static final String OWNER = "111122223333";
    private static final String OTHER = "444455556666";
    private static final String LB = "arn:aws:elasticloadbalancing:us-east-1:" + OWNER
            + ":loadbalancer/net/web/0123456789abcdef";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    DataSource dataSource;

    static String createService(Map<String, Object> body) {
        return given().header(Caller.HEADER, OWNER).contentType(ContentType.JSON).body(body)
                .post("/v1/endpoint-services")
                .then().statusCode(201).extract().path("serviceId");
    }

    static ValidatableResponse get(String account, String path) {
        return given().header(Caller.HEADER, account).get(path).then();
    }

    static String available(boolean acceptanceRequired) throws Exception {
        String id = createService(Map.of("networkLoadBalancerArns", List.of(LB), "acceptanceRequired", acceptanceRequired));
        ForeignEvents.publish(new ServiceLoadBalancersVerified(id, List.of(LB)), OWNER);
        await().atMost(WAIT).untilAsserted(() ->
                get(OWNER, "/v1/endpoint-services/" + id).statusCode(200).body("serviceState", equalTo("Available")));
        return id;
    }

    long eventCount() throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from events")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Nested
    @DisplayName("create and read")
    class CreateAndRead {
        @Test
        @DisplayName("a new service is Pending, requires acceptance by default, and is listed for its owner")
        void createsPending() {
            String id = given().header(Caller.HEADER, OWNER).contentType(ContentType.JSON)
                    .body(Map.of("networkLoadBalancerArns", List.of(LB)))
                    .post("/v1/endpoint-services")
                    .then().statusCode(201)
                    .body("serviceState", equalTo("Pending"))
                    .body("acceptanceRequired", equalTo(true))
                    .extract().path("serviceId");
            assertThat(IdFormat.ENDPOINT_SERVICE.matches(id)).isTrue();

            get(OWNER, "/v1/endpoint-services/" + id).statusCode(200)
                    .body("serviceId", equalTo(id))
                    .body("serviceName", equalTo("com.amazonaws.vpce.us-east-1." + id))
                    .body("serviceState", equalTo("Pending"))
                    .body("failureReason", nullValue())
                    .body("acceptanceRequired", equalTo(true))
                    .body("networkLoadBalancerArns", contains(LB))
                    .body("ownerId", equalTo(OWNER))
                    .body("serviceType", equalTo("Interface"));
            get(OWNER, "/v1/endpoint-services").statusCode(200).body("serviceId", hasItem(id));
        }

        @Test
        @DisplayName("verified load balancers make it Available")
        void becomesAvailable() throws Exception {
            available(true);
        }

        @Test
        @DisplayName("rejected load balancers make it Failed with the reason")
        void becomesFailed() throws Exception {
            String id = createService(Map.of("networkLoadBalancerArns", List.of(LB)));
            ForeignEvents.publish(new ServiceLoadBalancersRejected(id, "no such load balancer"), OWNER);
            await().atMost(WAIT).untilAsserted(() -> get(OWNER, "/v1/endpoint-services/" + id).statusCode(200)
                    .body("serviceState", equalTo("Failed"))
                    .body("failureReason", equalTo("no such load balancer")));
        }

        @Test
        @DisplayName("another account's service is not found, and not listed")
        void otherAccount() {
            String id = createService(Map.of("networkLoadBalancerArns", List.of(LB)));
            problem(get(OTHER, "/v1/endpoint-services/" + id), 404, "InvalidVpcEndpointServiceId.NotFound", "serviceId");
            problem(get(OTHER, "/v1/endpoint-services/" + id + "/permissions"), 404,
                    "InvalidVpcEndpointServiceId.NotFound", "serviceId");
            get(OTHER, "/v1/endpoint-services").statusCode(200).body("serviceId", org.hamcrest.Matchers.not(hasItem(id)));
        }

        @Test
        @DisplayName("a malformed id is 400 naming serviceId")
        void malformedId() {
            problem(get(OWNER, "/v1/endpoint-services/svc-123"), 400, "InvalidVpcEndpointServiceId.Malformed",
                    "serviceId");
        }
    }

    @Nested
    @DisplayName("bad input changes nothing")
    class BadInput {
        @Test
        @DisplayName("create: each field at fault is named")
        void create() throws Exception {
            long before = eventCount();
            String otherAccountLb = LB.replace(OWNER, OTHER);
            String applicationLb = LB.replace("/net/", "/app/");
            badCreate(Map.of(), 400, "MissingParameter", "networkLoadBalancerArns");
            badCreate(Map.of("networkLoadBalancerArns", List.of()), 400, "MissingParameter", "networkLoadBalancerArns");
            badCreate(Map.of("networkLoadBalancerArns", List.of(LB, "not-an-arn")), 400, "InvalidParameterValue",
                    "networkLoadBalancerArns[1]");
            badCreate(Map.of("networkLoadBalancerArns", List.of(otherAccountLb)), 400, "InvalidParameterValue",
                    "networkLoadBalancerArns[0]");
            badCreate(Map.of("networkLoadBalancerArns", List.of(applicationLb)), 400, "InvalidParameterValue",
                    "networkLoadBalancerArns[0]");
            badCreate(Map.of("networkLoadBalancerArns", List.of(LB, LB)), 400, "InvalidParameterValue",
                    "networkLoadBalancerArns[1]");
            badCreate(Map.of("networkLoadBalancerArns", java.util.Collections.nCopies(11, LB)), 400,
                    "InvalidParameterValue", "networkLoadBalancerArns");
            badCreate(Map.of("networkLoadBalancerArns", List.of(LB), "acceptanceRequired", List.of()), 400,
                    "InvalidParameterValue", "acceptanceRequired");
            assertThat(eventCount()).isEqualTo(before);
        }

        @Test
        @DisplayName("permissions: each principal at fault is named")
        void permissions() throws Exception {
            String id = createService(Map.of("networkLoadBalancerArns", List.of(LB)));
            long before = eventCount();
            String path = "/v1/endpoint-services/" + id + "/permissions";
            problem(modify(OWNER, path, Map.of()), 400, "MissingParameter", "addAllowedPrincipals");
            problem(modify(OWNER, path, Map.of("addAllowedPrincipals", List.of("*", "bob"))), 400, "InvalidPrincipal",
                    "addAllowedPrincipals[1]");
            problem(modify(OWNER, path, Map.of("removeAllowedPrincipals", List.of("arn:aws:iam::1:root"))), 400,
                    "InvalidPrincipal", "removeAllowedPrincipals[0]");
            problem(modify(OWNER, "/v1/endpoint-services/nope/permissions", Map.of("addAllowedPrincipals", List.of("*"))),
                    400, "InvalidVpcEndpointServiceId.Malformed", "serviceId");
            problem(modify(OTHER, path, Map.of("addAllowedPrincipals", List.of("*"))), 404,
                    "InvalidVpcEndpointServiceId.NotFound", "serviceId");
            assertThat(eventCount()).isEqualTo(before);
        }

        @Test
        @DisplayName("connections: a malformed id or another account's service")
        void connections() {
            problem(get(OWNER, "/v1/endpoint-services/x/connections"), 400, "InvalidVpcEndpointServiceId.Malformed",
                    "serviceId");
            problem(get(OTHER, "/v1/endpoint-services/" + IdFormat.ENDPOINT_SERVICE.newId() + "/connections"), 404,
                    "InvalidVpcEndpointServiceId.NotFound", "serviceId");
        }

        @Test
        @DisplayName("a request without an account is refused")
        void noAccount() {
            problem(given().get("/v1/endpoint-services").then(), 401, "AuthFailure", Caller.HEADER);
        }

        private void badCreate(Map<String, Object> body, int status, String code, String field) {
            problem(given().header(Caller.HEADER, OWNER).contentType(ContentType.JSON).body(body)
                    .post("/v1/endpoint-services").then(), status, code, field);
        }
    }

    @Nested
    @DisplayName("permissions")
    class Permissions {
        @Test
        @DisplayName("none by default; added and removed principals are listed with their type")
        void addAndRemove() {
            String id = createService(Map.of("networkLoadBalancerArns", List.of(LB)));
            String path = "/v1/endpoint-services/" + id + "/permissions";
            get(OWNER, path).statusCode(200).body("allowedPrincipals", org.hamcrest.Matchers.empty());

            modify(OWNER, path, Map.of("addAllowedPrincipals", List.of("arn:aws:iam::444455556666:root",
                    "arn:aws:iam::444455556666:role/app", "*")))
                    .statusCode(200).body("allowedPrincipals.principalType", containsInAnyOrder("All", "Account", "Role"));
            modify(OWNER, path, Map.of("removeAllowedPrincipals", List.of("*"),
                    "addAllowedPrincipals", List.of("arn:aws:iam::444455556666:user/ops/alice")))
                    .statusCode(200).body("allowedPrincipals.principal", containsInAnyOrder(
                            "arn:aws:iam::444455556666:root", "arn:aws:iam::444455556666:role/app",
                            "arn:aws:iam::444455556666:user/ops/alice"));
            get(OWNER, path).statusCode(200)
                    .body("allowedPrincipals.principalType", containsInAnyOrder("Account", "Role", "User"));
        }
    }

    @Nested
    @DisplayName("connections")
    class Connections {
        @Test
        @DisplayName("an endpoint on a service without acceptance is accepted with its subnets and the load balancers")
        void acceptedAtOnce() throws Exception {
            String id = available(false);
            allow(id, OTHER);
            String endpoint = IdFormat.VPC_ENDPOINT.newId();
            List<String> subnets = List.of(IdFormat.SUBNET.newId(), IdFormat.SUBNET.newId());
            String vpc = IdFormat.VPC.newId();
            ForeignEvents.publish(new VpcEndpointRequested(endpoint, OTHER, "Interface", id,
                    "com.amazonaws.vpce.us-east-1." + id, vpc, subnets, "pending"), OTHER);

            EndpointConnectionAccepted accepted = await().atMost(WAIT).until(() -> ForeignEvents.readAll(Topic.PROVIDER)
                            .stream().map(EventEnvelope::event)
                            .filter(e -> e instanceof EndpointConnectionAccepted a && a.vpcEndpointId().equals(endpoint))
                            .map(EndpointConnectionAccepted.class::cast).findFirst(),
                    Optional::isPresent).orElseThrow();
            assertThat(accepted).isEqualTo(new EndpointConnectionAccepted(id, endpoint, OTHER, vpc, subnets, List.of(LB)));

            String connections = "/v1/endpoint-services/" + id + "/connections";
            await().atMost(WAIT).untilAsserted(() -> get(OWNER, connections).statusCode(200)
                    .body("vpcEndpointId", contains(endpoint))
                    .body("vpcEndpointOwner", contains(OTHER))
                    .body("vpcEndpointState", contains("available")));

            ForeignEvents.publish(new VpcEndpointDeletionRequested(endpoint, id), OTHER);
            await().atMost(WAIT).untilAsserted(() -> get(OWNER, connections).statusCode(200)
                    .body("vpcEndpointState", contains("deleted")));
        }

        @Test
        @DisplayName("an endpoint on a service that requires acceptance waits as pendingAcceptance")
        void pendingAcceptance() throws Exception {
            String id = available(true);
            allow(id, OTHER);
            String endpoint = IdFormat.VPC_ENDPOINT.newId();
            ForeignEvents.publish(new VpcEndpointRequested(endpoint, OTHER, "Interface", id,
                    "com.amazonaws.vpce.us-east-1." + id, IdFormat.VPC.newId(), List.of(IdFormat.SUBNET.newId()),
                    "pendingAcceptance"), OTHER);
            await().atMost(WAIT).untilAsserted(() -> get(OWNER, "/v1/endpoint-services/" + id + "/connections")
                    .statusCode(200).body("vpcEndpointState", contains("pendingAcceptance")));
        }
    }

    @Nested
    @DisplayName("refused connections")
    class Refused {
        @Test
        @DisplayName("an endpoint of an account the service does not allow is rejected")
        void notAllowed() throws Exception {
            String id = available(false);
            String endpoint = IdFormat.VPC_ENDPOINT.newId();
            ForeignEvents.publish(new VpcEndpointRequested(endpoint, OTHER, "Interface", id,
                    "com.amazonaws.vpce.us-east-1." + id, IdFormat.VPC.newId(), List.of(IdFormat.SUBNET.newId()),
                    "pending"), OTHER);
            await().atMost(WAIT).untilAsserted(() -> get(OWNER, "/v1/endpoint-services/" + id + "/connections")
                    .statusCode(200).body("vpcEndpointState", contains("rejected")));
        }
    }

    private static void allow(String serviceId, String account) {
        modify(OWNER, "/v1/endpoint-services/" + serviceId + "/permissions",
                Map.of("addAllowedPrincipals", List.of("arn:aws:iam::" + account + ":root"))).statusCode(200);
    }

    @Nested
    @DisplayName("rebuild")
    class Rebuild {
        @Test
        @DisplayName("the read model rebuilt from the log answers the same")
        void sameAnswers() throws Exception {
            String id = available(false);
            String path = "/v1/endpoint-services/" + id;
            modify(OWNER, path + "/permissions", Map.of("addAllowedPrincipals", List.of("*"))).statusCode(200);
            String service = get(OWNER, path).statusCode(200).extract().asString();
            String permissions = get(OWNER, path + "/permissions").statusCode(200).extract().asString();
            String list = get(OWNER, "/v1/endpoint-services").statusCode(200).extract().asString();

            given().post("/admin/consumers/endpoint-services/rebuild").then().statusCode(200)
                    .body("caughtUp", equalTo(true));

            assertThat(get(OWNER, path).statusCode(200).extract().asString()).isEqualTo(service);
            assertThat(get(OWNER, path + "/permissions").statusCode(200).extract().asString()).isEqualTo(permissions);
            assertThat(get(OWNER, "/v1/endpoint-services").statusCode(200).extract().asString()).isEqualTo(list);
        }
    }

    static ValidatableResponse modify(String account, String path, Map<String, Object> body) {
        return given().header(Caller.HEADER, account).contentType(ContentType.JSON).body(body).post(path).then();
    }

    static void problem(ValidatableResponse response, int status, String code, String field) {
        response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo(code))
                .body("field", equalTo(field));
    }
}
