package dev.privet.provider.api;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeletionRequested;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersRejected;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersVerified;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionRejected;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceDeleted;
import dev.privet.contracts.events.Topic;
import dev.privet.contracts.http.PrivetHeaders;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.runtime.Caller;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.privet.provider.api.ProviderApi.LB;
import static dev.privet.provider.api.ProviderApi.OTHER;
import static dev.privet.provider.api.ProviderApi.OWNER;
import static dev.privet.provider.api.ProviderApi.SERVICES;
import static dev.privet.provider.api.ProviderApi.WAIT;
import static dev.privet.provider.api.ProviderApi.allow;
import static dev.privet.provider.api.ProviderApi.available;
import static dev.privet.provider.api.ProviderApi.createService;
import static dev.privet.provider.api.ProviderApi.delete;
import static dev.privet.provider.api.ProviderApi.eventCount;
import static dev.privet.provider.api.ProviderApi.get;
import static dev.privet.provider.api.ProviderApi.modifyPermissions;
import static dev.privet.provider.api.ProviderApi.post;
import static dev.privet.provider.api.ProviderApi.problem;
import static dev.privet.provider.api.ProviderApi.withLoadBalancer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** provider-service against a real Kafka broker and PostgreSQL: its API and its reactions to other services. */
@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EndpointServiceResourceTest {

    @Inject
    DataSource dataSource;

    @Nested
    class Create_and_read {
        @Test
        void a_new_service_is_Pending_requires_acceptance_by_default_and_is_listed_for_its_owner() {
            String id = post(OWNER, SERVICES, withLoadBalancer()).statusCode(201)
                    .body("serviceState", equalTo("Pending"))
                    .body("acceptanceRequired", equalTo(true))
                    .extract().path("serviceId");
            assertThat(IdFormat.ENDPOINT_SERVICE.matches(id)).isTrue();

            get(OWNER, SERVICES + "/" + id).statusCode(200)
                    .body("serviceId", equalTo(id))
                    .body("serviceName", equalTo("com.amazonaws.vpce.us-east-1." + id))
                    .body("serviceState", equalTo("Pending"))
                    .body("failureReason", nullValue())
                    .body("acceptanceRequired", equalTo(true))
                    .body("networkLoadBalancerArns", contains(LB))
                    .body("ownerId", equalTo(OWNER))
                    .body("serviceType", equalTo("Interface"));
            get(OWNER, SERVICES).statusCode(200).body("serviceId", hasItem(id));
        }

        @Test
        void verified_load_balancers_make_it_Available() throws Exception {
            available(true);
        }

        @Test
        void rejected_load_balancers_make_it_Failed_with_the_reason() throws Exception {
            String id = createService(withLoadBalancer());
            ForeignEvents.publish(new ServiceLoadBalancersRejected(id, "no such load balancer"), OWNER);
            await().atMost(WAIT).untilAsserted(() -> get(OWNER, SERVICES + "/" + id).statusCode(200)
                    .body("serviceState", equalTo("Failed"))
                    .body("failureReason", equalTo("no such load balancer")));
        }

        @Test
        void another_accounts_service_is_not_found_and_not_listed() {
            String id = createService(withLoadBalancer());
            problem(get(OTHER, SERVICES + "/" + id), 404, "InvalidVpcEndpointServiceId.NotFound", "serviceId");
            problem(get(OTHER, SERVICES + "/" + id + "/permissions"), 404, "InvalidVpcEndpointServiceId.NotFound",
                    "serviceId");
            get(OTHER, SERVICES).statusCode(200).body("serviceId", not(hasItem(id)));
        }

        @Test
        void a_malformed_id_is_400_naming_serviceId() {
            problem(get(OWNER, SERVICES + "/svc-123"), 400, "InvalidVpcEndpointServiceId.Malformed", "serviceId");
        }
    }

    @Nested
    class Bad_input_changes_nothing {
        @Test
        void create_names_each_field_at_fault() throws Exception {
            long before = eventCount(dataSource);
            String otherAccountLb = LB.replace(OWNER, OTHER);
            String applicationLb = LB.replace("/net/", "/app/");
            badCreate(Map.of(), "MissingParameter", "networkLoadBalancerArns");
            badCreate(Map.of("networkLoadBalancerArns", List.of()), "MissingParameter", "networkLoadBalancerArns");
            badCreate(Map.of("networkLoadBalancerArns", List.of(LB, "not-an-arn")), "InvalidParameterValue",
                    "networkLoadBalancerArns[1]");
            badCreate(Map.of("networkLoadBalancerArns", List.of(otherAccountLb)), "InvalidParameterValue",
                    "networkLoadBalancerArns[0]");
            badCreate(Map.of("networkLoadBalancerArns", List.of(applicationLb)), "InvalidParameterValue",
                    "networkLoadBalancerArns[0]");
            badCreate(Map.of("networkLoadBalancerArns", List.of(LB, LB)), "InvalidParameterValue",
                    "networkLoadBalancerArns[1]");
            badCreate(Map.of("networkLoadBalancerArns", Collections.nCopies(11, LB)), "InvalidParameterValue",
                    "networkLoadBalancerArns");
            badCreate(Map.of("networkLoadBalancerArns", List.of(LB), "acceptanceRequired", List.of()),
                    "InvalidParameterValue", "acceptanceRequired");
            problem(given().header(Caller.HEADER, OWNER).contentType(ContentType.JSON).body("{\"networkLoad")
                    .post(SERVICES).then(), 400, "MalformedRequest", null);
            assertThat(eventCount(dataSource)).isEqualTo(before);
        }

        @Test
        void permissions_name_each_principal_at_fault() throws Exception {
            String id = createService(withLoadBalancer());
            long before = eventCount(dataSource);
            problem(modifyPermissions(OWNER, id, Map.of()), 400, "MissingParameter", "addAllowedPrincipals");
            problem(modifyPermissions(OWNER, id, Map.of("addAllowedPrincipals", List.of("*", "bob"))), 400,
                    "InvalidPrincipal", "addAllowedPrincipals[1]");
            problem(modifyPermissions(OWNER, id, Map.of("removeAllowedPrincipals", List.of("arn:aws:iam::1:root"))),
                    400, "InvalidPrincipal", "removeAllowedPrincipals[0]");
            problem(modifyPermissions(OWNER, "nope", Map.of("addAllowedPrincipals", List.of("*"))), 400,
                    "InvalidVpcEndpointServiceId.Malformed", "serviceId");
            problem(modifyPermissions(OTHER, id, Map.of("addAllowedPrincipals", List.of("*"))), 404,
                    "InvalidVpcEndpointServiceId.NotFound", "serviceId");
            problem(modifyPermissions(OWNER, IdFormat.ENDPOINT_SERVICE.newId(), Map.of("addAllowedPrincipals",
                    List.of("*"))), 404, "InvalidVpcEndpointServiceId.NotFound", "serviceId");
            assertThat(eventCount(dataSource)).isEqualTo(before);
        }

        @Test
        void connections_of_a_malformed_id_or_of_another_accounts_service_are_refused() {
            problem(get(OWNER, SERVICES + "/x/connections"), 400, "InvalidVpcEndpointServiceId.Malformed",
                    "serviceId");
            problem(get(OTHER, SERVICES + "/" + IdFormat.ENDPOINT_SERVICE.newId() + "/connections"), 404,
                    "InvalidVpcEndpointServiceId.NotFound", "serviceId");
        }

        @Test
        void a_request_without_an_account_is_refused() {
            problem(get(null, SERVICES), 401, "AuthFailure", Caller.HEADER);
            problem(post(null, SERVICES, withLoadBalancer()), 401, "AuthFailure", Caller.HEADER);
        }

        private void badCreate(Map<String, Object> body, String code, String field) {
            problem(post(OWNER, SERVICES, body), 400, code, field);
        }
    }

    @Nested
    class Permissions {
        @Test
        void none_by_default_added_and_removed_principals_are_listed_with_their_type() {
            String id = createService(withLoadBalancer());
            String path = SERVICES + "/" + id + "/permissions";
            get(OWNER, path).statusCode(200).body("allowedPrincipals", empty());

            modifyPermissions(OWNER, id, Map.of("addAllowedPrincipals", List.of("arn:aws:iam::444455556666:root",
                    "arn:aws:iam::444455556666:role/app", "*")))
                    .statusCode(200).body("allowedPrincipals.principalType", containsInAnyOrder("All", "Account", "Role"));
            modifyPermissions(OWNER, id, Map.of("removeAllowedPrincipals", List.of("*"),
                    "addAllowedPrincipals", List.of("arn:aws:iam::444455556666:user/ops/alice")))
                    .statusCode(200).body("allowedPrincipals.principal", containsInAnyOrder(
                            "arn:aws:iam::444455556666:root", "arn:aws:iam::444455556666:role/app",
                            "arn:aws:iam::444455556666:user/ops/alice"));
            get(OWNER, path).statusCode(200)
                    .body("allowedPrincipals.principalType", containsInAnyOrder("Account", "Role", "User"));
        }
    }

    @Nested
    class Connections {
        @Test
        void an_endpoint_on_a_service_without_acceptance_is_accepted_with_its_subnets_and_the_load_balancers()
                throws Exception {
            String id = available(false);
            allow(id, OTHER);
            String endpoint = IdFormat.VPC_ENDPOINT.newId();
            List<String> subnets = List.of(IdFormat.SUBNET.newId(), IdFormat.SUBNET.newId());
            String vpc = IdFormat.VPC.newId();
            // no requesterArn, as in an event recorded before it was: the owner's root asked, which is allowed
            ForeignEvents.publish(new VpcEndpointRequested(endpoint, OTHER, "Interface", id,
                    "com.amazonaws.vpce.us-east-1." + id, vpc, subnets, "pending", null, List.of()), OTHER);

            EndpointConnectionAccepted accepted = await().atMost(WAIT).until(() -> ForeignEvents.readAll(Topic.PROVIDER)
                            .stream().map(EventEnvelope::event)
                            .filter(e -> e instanceof EndpointConnectionAccepted a && a.vpcEndpointId().equals(endpoint))
                            .map(EndpointConnectionAccepted.class::cast).findFirst(),
                    Optional::isPresent).orElseThrow();
            assertThat(accepted).isEqualTo(new EndpointConnectionAccepted(id, endpoint, OTHER, vpc, subnets, List.of(LB)));

            // The acceptance is on Kafka, so it was committed, and the read model with it.
            String connections = SERVICES + "/" + id + "/connections";
            get(OWNER, connections).statusCode(200)
                    .body("vpcEndpointId", contains(endpoint))
                    .body("vpcEndpointOwner", contains(OTHER))
                    .body("vpcEndpointState", contains("available"));

            ForeignEvents.publish(new VpcEndpointDeletionRequested(endpoint, id), OTHER);
            await().atMost(WAIT).untilAsserted(() -> get(OWNER, connections).statusCode(200)
                    .body("vpcEndpointState", contains("deleted")));
        }

        @Test
        void an_endpoint_on_a_service_that_requires_acceptance_waits_as_pendingAcceptance() throws Exception {
            String id = available(true);
            allow(id, OTHER);
            ForeignEvents.publish(new VpcEndpointRequested(IdFormat.VPC_ENDPOINT.newId(), OTHER, "Interface", id,
                    "com.amazonaws.vpce.us-east-1." + id, IdFormat.VPC.newId(), List.of(IdFormat.SUBNET.newId()),
                    "pendingAcceptance", "arn:aws:iam::" + OTHER + ":root", List.of()), OTHER);
            await().atMost(WAIT).untilAsserted(() -> get(OWNER, SERVICES + "/" + id + "/connections")
                    .statusCode(200).body("vpcEndpointState", contains("pendingAcceptance")));
        }

        @Test
        void an_endpoint_of_an_account_the_service_does_not_allow_is_rejected() throws Exception {
            String id = available(false);
            ForeignEvents.publish(new VpcEndpointRequested(IdFormat.VPC_ENDPOINT.newId(), OTHER, "Interface", id,
                    "com.amazonaws.vpce.us-east-1." + id, IdFormat.VPC.newId(), List.of(IdFormat.SUBNET.newId()),
                    "pending", "arn:aws:iam::" + OTHER + ":root", List.of()), OTHER);
            await().atMost(WAIT).untilAsserted(() -> get(OWNER, SERVICES + "/" + id + "/connections")
                    .statusCode(200).body("vpcEndpointState", contains("rejected")));
        }

        @Test
        void an_endpoint_on_a_service_this_provider_never_had_is_ignored_and_the_reaction_goes_on() throws Exception {
            // One endpoint id for both requests: one key, one partition, so the second waits behind the first.
            String endpoint = IdFormat.VPC_ENDPOINT.newId();
            ForeignEvents.publish(new VpcEndpointRequested(endpoint, OWNER, "Interface",
                    IdFormat.ENDPOINT_SERVICE.newId(), "com.amazonaws.vpce.us-east-1.x", IdFormat.VPC.newId(),
                    List.of(IdFormat.SUBNET.newId()), "pending", "arn:aws:iam::" + OWNER + ":root", List.of()), OWNER);
            String id = available(false);
            ForeignEvents.publish(new VpcEndpointRequested(endpoint, OWNER, "Interface", id,
                    "com.amazonaws.vpce.us-east-1." + id, IdFormat.VPC.newId(), List.of(IdFormat.SUBNET.newId()),
                    "pending", "arn:aws:iam::" + OWNER + ":root", List.of()), OWNER);
            await().atMost(WAIT).untilAsserted(() -> get(OWNER, SERVICES + "/" + id + "/connections")
                    .statusCode(200).body("vpcEndpointState", contains("available")));
        }
    }

    @Nested
    class Acceptance_and_rejection {
        @Test
        void the_owner_accepts_an_endpoint_just_requested_and_the_acceptance_is_published_with_its_subnets()
                throws Exception {
            String id = available(true);
            allow(id, OTHER);
            List<String> subnets = List.of(IdFormat.SUBNET.newId());
            String vpc = IdFormat.VPC.newId();
            String endpoint = IdFormat.VPC_ENDPOINT.newId();
            ForeignEvents.publish(new VpcEndpointRequested(endpoint, OTHER, "Interface", id,
                    "com.amazonaws.vpce.us-east-1." + id, vpc, subnets, "pendingAcceptance",
                    "arn:aws:iam::" + OTHER + ":root", List.of()), OTHER);

            // At once: the request may not have reached the service yet, and the acceptance waits for it.
            accept(OWNER, id, Map.of("vpcEndpointIds", List.of(endpoint))).statusCode(200)
                    .body("unsuccessful", empty());

            assertThat(ForeignEvents.readAll(Topic.PROVIDER)).extracting(EventEnvelope::event)
                    .contains(new EndpointConnectionAccepted(id, endpoint, OTHER, vpc, subnets, List.of(LB)));
            get(OWNER, "/v1/endpoint-connections").statusCode(200)
                    .body("findAll { it.vpcEndpointId == '" + endpoint + "' }.serviceId", contains(id))
                    .body("findAll { it.vpcEndpointId == '" + endpoint + "' }.vpcEndpointState", contains("available"))
                    .body("findAll { it.vpcEndpointId == '" + endpoint + "' }.networkLoadBalancerArns",
                            contains(List.of(LB)))
                    .body("findAll { it.vpcEndpointId == '" + endpoint + "' }.creationTimestamp",
                            contains(notNullValue()));
            get(OTHER, "/v1/endpoint-connections").statusCode(200).body("vpcEndpointId", not(hasItem(endpoint)));

            long before = eventCount(dataSource);
            accept(OWNER, id, Map.of("vpcEndpointIds", List.of(endpoint))).statusCode(200)
                    .body("unsuccessful", empty());
            assertThat(eventCount(dataSource)).as("a repeated acceptance appends nothing").isEqualTo(before);
        }

        @Test
        void the_owner_rejects_an_accepted_endpoint_with_a_reason_and_cannot_accept_it_again() throws Exception {
            String id = available(false);
            allow(id, OTHER);
            String endpoint = requestEndpoint(id);
            await().atMost(WAIT).untilAsserted(() -> get(OWNER, SERVICES + "/" + id + "/connections")
                    .statusCode(200).body("vpcEndpointState", contains("available")));

            reject(OWNER, id, Map.of("vpcEndpointIds", List.of(endpoint), "reason", "contract ended"))
                    .statusCode(200).body("unsuccessful", empty());

            assertThat(ForeignEvents.readAll(Topic.PROVIDER)).extracting(EventEnvelope::event)
                    .contains(new EndpointConnectionRejected(id, endpoint, OTHER, "contract ended"));
            get(OWNER, SERVICES + "/" + id + "/connections").statusCode(200)
                    .body("vpcEndpointState", contains("rejected"));
            accept(OWNER, id, Map.of("vpcEndpointIds", List.of(endpoint))).statusCode(200)
                    .body("unsuccessful.vpcEndpointId", contains(endpoint))
                    .body("unsuccessful.code", contains("IncorrectState"));
        }

        @Test
        void an_endpoint_the_service_never_saw_is_reported_and_nothing_is_appended() throws Exception {
            String id = available(true);
            String unknown = IdFormat.VPC_ENDPOINT.newId();
            long before = eventCount(dataSource);
            reject(OWNER, id, Map.of("vpcEndpointIds", List.of(unknown))).statusCode(200)
                    .body("unsuccessful.vpcEndpointId", contains(unknown))
                    .body("unsuccessful.code", contains("InvalidVpcEndpointId.NotFound"));
            assertThat(eventCount(dataSource)).isEqualTo(before);
        }

        @Test
        void bad_requests_name_the_field_at_fault_and_change_nothing() throws Exception {
            String id = available(true);
            String endpoint = IdFormat.VPC_ENDPOINT.newId();
            long before = eventCount(dataSource);
            problem(accept(OWNER, id, Map.of()), 400, "MissingParameter", "vpcEndpointIds");
            problem(accept(OWNER, id, Map.of("vpcEndpointIds", List.of(endpoint, "vpce-nope"))), 400,
                    "InvalidVpcEndpointId.Malformed", "vpcEndpointIds[1]");
            problem(accept(OWNER, id, Map.of("vpcEndpointIds", List.of(endpoint), "reason", "why")), 400,
                    "InvalidParameterValue", "reason");
            problem(reject(OWNER, id, Map.of("vpcEndpointIds", List.of(endpoint), "reason", "x".repeat(256))), 400,
                    "InvalidParameterValue", "reason");
            problem(reject(OWNER, id, Map.of("vpcEndpointIds", List.of(endpoint), "reason", " ")), 400,
                    "InvalidParameterValue", "reason");
            problem(reject(OWNER, id, Map.of("vpcEndpointIds", Collections.nCopies(101, endpoint))), 400,
                    "InvalidParameterValue", "vpcEndpointIds");
            problem(reject(OTHER, id, Map.of("vpcEndpointIds", List.of(endpoint))), 404,
                    "InvalidVpcEndpointServiceId.NotFound", "serviceId");
            problem(accept(OWNER, "vpce-svc-nope", Map.of("vpcEndpointIds", List.of(endpoint))), 400,
                    "InvalidVpcEndpointServiceId.Malformed", "serviceId");
            assertThat(eventCount(dataSource)).isEqualTo(before);
        }

        @Test
        void the_owner_turns_acceptance_off_and_an_endpoint_asking_next_is_accepted_at_once() throws Exception {
            String id = available(true);
            allow(id, OTHER);
            patch(OWNER, id, Map.of("acceptanceRequired", false)).statusCode(200)
                    .body("acceptanceRequired", equalTo(false));
            get(OWNER, SERVICES + "/" + id).statusCode(200).body("acceptanceRequired", equalTo(false));
            requestEndpoint(id);
            await().atMost(WAIT).untilAsserted(() -> get(OWNER, SERVICES + "/" + id + "/connections")
                    .statusCode(200).body("vpcEndpointState", contains("available")));
        }

        @Test
        void a_change_that_is_not_supported_or_not_the_callers_is_refused_and_appends_nothing() throws Exception {
            String id = available(true);
            long before = eventCount(dataSource);
            problem(patch(OWNER, id, Map.of()), 400, "MissingParameter", "acceptanceRequired");
            problem(patch(OWNER, id, Map.of("acceptanceRequired", false, "privateDnsName", "example.com")), 400,
                    "InvalidParameterValue", "privateDnsName");
            problem(patch(OWNER, id, Map.of("addNetworkLoadBalancerArns", List.of(LB))), 400,
                    "InvalidParameterValue", "addNetworkLoadBalancerArns");
            problem(patch(OWNER, id, Map.of("acceptanceRequired", false, "addSupportedRegions", List.of("eu-west-1"))),
                    400, "InvalidParameterValue", "addSupportedRegions");
            problem(patch(OTHER, id, Map.of("acceptanceRequired", false)), 404,
                    "InvalidVpcEndpointServiceId.NotFound", "serviceId");
            patch(OWNER, id, Map.of("acceptanceRequired", true)).statusCode(200); // as it is: nothing to record
            assertThat(eventCount(dataSource)).isEqualTo(before);
        }

        private static ValidatableResponse patch(String account, String serviceId, Map<String, Object> body) {
            return given().header(Caller.HEADER, account).contentType(ContentType.JSON).body(body)
                    .patch(SERVICES + "/" + serviceId).then();
        }

        private static ValidatableResponse accept(String account, String serviceId,
                                                                            Map<String, Object> body) {
            return post(account, SERVICES + "/" + serviceId + "/connections/acceptances", body);
        }

        private static ValidatableResponse reject(String account, String serviceId,
                                                                            Map<String, Object> body) {
            return post(account, SERVICES + "/" + serviceId + "/connections/rejections", body);
        }
    }

    @Nested
    class History {
        @Test
        void every_change_of_a_service_and_its_tags_is_listed_with_its_time_principal_and_cause() throws Exception {
            String ann = "arn:aws:iam::" + OWNER + ":user/ops/ann";
            String id = given().header(Caller.HEADER, OWNER).header(PrivetHeaders.PRINCIPAL, ann)
                    .contentType(ContentType.JSON).body(Map.of("networkLoadBalancerArns", List.of(LB),
                            "tags", List.of(Map.of("key", "team", "value", "platform"))))
                    .post(SERVICES).then().statusCode(201).extract().path("serviceId");
            var verified = new ServiceLoadBalancersVerified(id, List.of(LB));
            ForeignEvents.publish(verified, OWNER);
            await().atMost(WAIT).untilAsserted(() ->
                    get(OWNER, SERVICES + "/" + id).statusCode(200).body("serviceState", equalTo("Available")));
            allow(id, OTHER);

            String history = SERVICES + "/" + id + "/history";
            get(OWNER, history).statusCode(200)
                    .body("eventType", contains("EndpointServiceCreated", "EndpointServiceTagsChanged",
                            "EndpointServiceAvailable", "AllowedPrincipalsAdded"))
                    .body("streamId", contains(id, "tags:" + id, id, id))
                    .body("principal", contains(ann, ann, OWNER, "arn:aws:iam::" + OWNER + ":root"))
                    .body("cause", contains("request", "request", "event", "request"))
                    .body("[0].event.networkLoadBalancerArns", contains(LB))
                    .body("[0].time", notNullValue())
                    .body("[1].event.tags[0].key", equalTo("team"))
                    .body("[3].event.principals", contains("arn:aws:iam::" + OTHER + ":root"));
            List<String> causes = get(OWNER, history).extract().path("causationId");
            assertThat(ForeignEvents.readAll(Topic.NETWORK)).filteredOn(e -> e.event().equals(verified))
                    .extracting(e -> e.eventId().toString()).containsExactly(causes.get(2));

            // A consumer's endpoint asks to connect: the provider sees the account, not who in it, nor its network.
            String endpoint = IdFormat.VPC_ENDPOINT.newId();
            ForeignEvents.publish(new VpcEndpointRequested(endpoint, OTHER, "Interface", id,
                    "com.amazonaws.vpce.us-east-1." + id, IdFormat.VPC.newId(), List.of(IdFormat.SUBNET.newId()),
                    "pendingAcceptance", "arn:aws:iam::" + OTHER + ":user/bob", List.of()), "arn:aws:iam::" + OTHER + ":user/bob");
            await().atMost(WAIT).untilAsserted(() -> get(OWNER, history).statusCode(200)
                    .body("eventType[4]", equalTo("EndpointConnectionRequested"))
                    .body("principal[4]", equalTo(OTHER))
                    .body("cause[4]", equalTo("event"))
                    .body("correlationId[4]", nullValue())
                    .body("[4].event.vpcEndpointId", equalTo(endpoint))
                    .body("[4].event", not(hasKey("vpcId")))
                    .body("[4].event", not(hasKey("subnetIds"))));

            problem(get(OTHER, history), 404, "InvalidVpcEndpointServiceId.NotFound", "serviceId");
            problem(get(OWNER, SERVICES + "/vpce-svc-nope/history"), 400, "InvalidVpcEndpointServiceId.Malformed",
                    "serviceId");
        }

        @Test
        void a_principal_of_another_account_is_refused_and_nothing_is_appended() throws Exception {
            long before = eventCount(dataSource);
            given().header(Caller.HEADER, OWNER).header(PrivetHeaders.PRINCIPAL, "arn:aws:iam::" + OTHER + ":user/x")
                    .contentType(ContentType.JSON).body(withLoadBalancer()).post(SERVICES).then().statusCode(401)
                    .body("code", equalTo("AuthFailure")).body("field", equalTo(PrivetHeaders.PRINCIPAL));
            assertThat(eventCount(dataSource)).isEqualTo(before);
        }
    }

    @Nested
    class Delete {
        @Test
        void the_owner_deletes_a_service_and_it_is_gone_for_every_read_and_every_change() throws Exception {
            String id = available(false);
            allow(id, OTHER);

            delete(OWNER, id).statusCode(204);

            problem(get(OWNER, SERVICES + "/" + id), 404, "InvalidVpcEndpointServiceId.NotFound", "serviceId");
            problem(get(OWNER, SERVICES + "/" + id + "/permissions"), 404, "InvalidVpcEndpointServiceId.NotFound",
                    "serviceId");
            problem(get(OWNER, SERVICES + "/" + id + "/connections"), 404, "InvalidVpcEndpointServiceId.NotFound",
                    "serviceId");
            get(OWNER, SERVICES).statusCode(200).body("serviceId", not(hasItem(id)));
            long before = eventCount(dataSource);
            problem(modifyPermissions(OWNER, id, Map.of("addAllowedPrincipals", List.of("*"))), 404,
                    "InvalidVpcEndpointServiceId.NotFound", "serviceId");
            problem(delete(OWNER, id), 404, "InvalidVpcEndpointServiceId.NotFound", "serviceId");
            assertThat(eventCount(dataSource)).isEqualTo(before);
        }

        @Test
        void the_deletion_is_published_with_the_owner_and_the_load_balancers() throws Exception {
            String id = available(false);
            delete(OWNER, id).statusCode(204);
            // answered once published: the event is on Kafka already
            assertThat(ForeignEvents.readAll(Topic.PROVIDER)).extracting(EventEnvelope::event)
                    .contains(new EndpointServiceDeleted(id, OWNER, List.of(LB)));
        }

        @Test
        void another_account_cannot_delete_it_and_learns_nothing() throws Exception {
            String id = createService(withLoadBalancer());
            long before = eventCount(dataSource);
            problem(delete(OTHER, id), 404, "InvalidVpcEndpointServiceId.NotFound", "serviceId");
            problem(delete(OWNER, IdFormat.ENDPOINT_SERVICE.newId()), 404, "InvalidVpcEndpointServiceId.NotFound",
                    "serviceId");
            problem(delete(OWNER, "vpce-svc-nope"), 400, "InvalidVpcEndpointServiceId.Malformed", "serviceId");
            problem(delete(null, id), 401, "AuthFailure", Caller.HEADER);
            assertThat(eventCount(dataSource)).isEqualTo(before);
            get(OWNER, SERVICES + "/" + id).statusCode(200).body("serviceState", equalTo("Pending"));
        }

        @Test
        void an_available_connection_prevents_it_and_nothing_changes_until_the_endpoint_is_deleted() throws Exception {
            String id = available(false);
            allow(id, OTHER);
            String endpoint = requestEndpoint(id);
            String connections = SERVICES + "/" + id + "/connections";
            await().atMost(WAIT).untilAsserted(() -> get(OWNER, connections).statusCode(200)
                    .body("vpcEndpointState", contains("available")));
            String service = get(OWNER, SERVICES + "/" + id).statusCode(200).extract().asString();
            long before = eventCount(dataSource);

            problem(delete(OWNER, id), 409, "ExistingVpcEndpointConnections", "serviceId");

            assertThat(eventCount(dataSource)).isEqualTo(before);
            assertThat(get(OWNER, SERVICES + "/" + id).statusCode(200).extract().asString()).isEqualTo(service);
            get(OWNER, connections).statusCode(200).body("vpcEndpointState", contains("available"));

            // The endpoint's deletion, published just before the request: the refusal is confirmed against it first.
            ForeignEvents.publish(new VpcEndpointDeletionRequested(endpoint, id), OTHER);
            delete(OWNER, id).statusCode(204);
        }

        @Test
        void a_connection_waiting_for_acceptance_prevents_it_too() throws Exception {
            String id = available(true);
            allow(id, OTHER);
            requestEndpoint(id);
            await().atMost(WAIT).untilAsserted(() -> get(OWNER, SERVICES + "/" + id + "/connections")
                    .statusCode(200).body("vpcEndpointState", contains("pendingAcceptance")));
            problem(delete(OWNER, id), 409, "ExistingVpcEndpointConnections", "serviceId");
        }

        @Test
        void a_rejected_connection_does_not_and_an_endpoint_asking_afterwards_is_rejected() throws Exception {
            String id = available(false);
            requestEndpoint(id); // OTHER is not allowed: rejected
            await().atMost(WAIT).untilAsserted(() -> get(OWNER, SERVICES + "/" + id + "/connections")
                    .statusCode(200).body("vpcEndpointState", contains("rejected")));
            delete(OWNER, id).statusCode(204);

            String late = requestEndpoint(id);
            EndpointConnectionRejected rejected = await().atMost(WAIT).until(() -> ForeignEvents.readAll(Topic.PROVIDER)
                            .stream().map(EventEnvelope::event)
                            .filter(e -> e instanceof EndpointConnectionRejected r && r.vpcEndpointId().equals(late))
                            .map(EndpointConnectionRejected.class::cast).findFirst(),
                    Optional::isPresent).orElseThrow();
            assertThat(rejected.reason()).contains("deleted");
            problem(get(OWNER, SERVICES + "/" + id + "/connections"), 404, "InvalidVpcEndpointServiceId.NotFound",
                    "serviceId");
        }

    }

    /** A VPC endpoint of {@link ProviderApi#OTHER} asking for the service, as consumer-service publishes it. */
    private static String requestEndpoint(String serviceId) {
        String endpoint = IdFormat.VPC_ENDPOINT.newId();
        ForeignEvents.publish(new VpcEndpointRequested(endpoint, OTHER, "Interface", serviceId,
                "com.amazonaws.vpce.us-east-1." + serviceId, IdFormat.VPC.newId(),
                List.of(IdFormat.SUBNET.newId()), "pending", "arn:aws:iam::" + OTHER + ":root", List.of()), OTHER);
        return endpoint;
    }
}
