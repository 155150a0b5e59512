package dev.privet.consumer.api;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRejected;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointReleased;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.contracts.events.ProviderEvent.AcceptanceRequirementChanged;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionRequested;
import dev.privet.contracts.events.Topic;
import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.testkit.PrivetServiceTestResource;
import dev.privet.testkit.PublishedEvents;
import dev.privet.testkit.Scrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.privet.consumer.api.ConsumerApi.ASYNC;
import static dev.privet.consumer.api.ConsumerApi.PROVIDER;
import static dev.privet.consumer.api.ConsumerApi.body;
import static dev.privet.consumer.api.ConsumerApi.catalogHas;
import static dev.privet.consumer.api.ConsumerApi.create;
import static dev.privet.consumer.api.ConsumerApi.delete;
import static dev.privet.consumer.api.ConsumerApi.get;
import static dev.privet.consumer.api.ConsumerApi.list;
import static dev.privet.consumer.api.ConsumerApi.newAccount;
import static dev.privet.consumer.api.ConsumerApi.publishedRequest;
import static dev.privet.consumer.api.ConsumerApi.rootArn;
import static dev.privet.consumer.api.ConsumerApi.services;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PrivetServiceTestResource.class)
@DisplayName("consumer-service API")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VpcEndpointApiTest {
    static OtherServices others;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void connect() {
        others = new OtherServices();
    }

    long eventsBy(String principal) throws SQLException {
        return ConsumerApi.eventsBy(dataSource, principal);
    }

    @Test
    void an_endpoint_goes_pending_available_deleting_deleted_as_the_other_services_report() {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, false, rootArn(consumer));
        var network = others.vpcWithSubnet(consumer, "us-east-1a");

        String id = create(consumer, body(service, network.vpcId(), List.of(network.subnetId())))
                .statusCode(201)
                .body("state", equalTo("pending"))
                .body("serviceName", equalTo(service))
                .body("vpcEndpointType", equalTo("Interface"))
                .body("vpcId", equalTo(network.vpcId()))
                .body("subnetIds", contains(network.subnetId()))
                .body("ownerId", equalTo(consumer))
                .body("creationTimestamp", not(nullValue()))
                .extract().path("vpcEndpointId");
        assertThat(IdFormat.VPC_ENDPOINT.matches(id)).isTrue();
        get(consumer, id).statusCode(200).body("state", equalTo("pending"));

        String eni = IdFormat.NETWORK_INTERFACE.newId();
        var dns = List.of(new DnsEntry(id + "-abcdefgh.vpce-svc.us-east-1.vpce.amazonaws.com", "Z7HUB22UULQXV"),
                new DnsEntry(id + "-abcdefgh-us-east-1a.vpce-svc.us-east-1.vpce.amazonaws.com", "Z7HUB22UULQXV"));
        others.accept(PROVIDER, service, id, network);
        others.publishDns(PROVIDER, service, id, network, eni, dns);
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).statusCode(200)
                .body("state", equalTo("available"))
                .body("networkInterfaceIds", contains(eni))
                .body("dnsEntries.dnsName", contains(dns.get(0).dnsName(), dns.get(1).dnsName()))
                .body("dnsEntries.hostedZoneId", contains("Z7HUB22UULQXV", "Z7HUB22UULQXV")));

        delete(consumer, id).statusCode(200).body("state", equalTo("deleting"));
        get(consumer, id).statusCode(200).body("state", equalTo("deleting"));
        list(consumer).statusCode(200).body("state", contains("deleting"));

        others.releaseNetwork(PROVIDER, service, id, eni);
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).statusCode(200).body("state", equalTo("deleted")));
    }

    @Test
    void a_deleted_endpoint_is_shown_for_a_while_then_found_no_more_and_a_rebuild_keeps_its_deletion_time()
            throws SQLException {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, false, rootArn(consumer));
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        String id = create(consumer, body(service, network.vpcId(), List.of(network.subnetId()))).statusCode(201)
                .extract().path("vpcEndpointId");
        delete(consumer, id).statusCode(200);
        others.releaseNetwork(PROVIDER, service, id, IdFormat.NETWORK_INTERFACE.newId());
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).statusCode(200).body("state", equalTo("deleted")));
        list(consumer).statusCode(200).body("vpcEndpointId", contains(id));

        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            // as two hours passing would: longer ago than privet.endpoints.deleted-visible-for (1 h)
            st.executeUpdate("update vpc_endpoints set deleted_at = deleted_at - interval '2 hours' "
                    + "where vpc_endpoint_id = '" + id + "'");
        }
        get(consumer, id).statusCode(404).body("code", equalTo("InvalidVpcEndpointId.NotFound"));
        list(consumer).statusCode(200).body("$", empty());
        delete(consumer, id).statusCode(404).body("code", equalTo("InvalidVpcEndpointId.NotFound"));

        given().post("/admin/consumers/vpc-endpoints/rebuild").then().statusCode(200);
        get(consumer, id).statusCode(200).body("state", equalTo("deleted")); // the deletion's own time, again
    }

    @Test
    void metrics_show_the_endpoints_by_state_the_subscriptions_caught_up_and_the_relay_with_nothing_left()
            throws SQLException {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, false, rootArn(consumer));
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        create(consumer, body(service, network.vpcId(), List.of(network.subnetId()))).statusCode(201);
        long endpoints;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("select count(*) from vpc_endpoints")) {
            rs.next();
            endpoints = rs.getLong(1);
        }

        await().atMost(ASYNC).untilAsserted(() -> { // gauges that cost a query are read at most every 5 s
            Scrape metrics = Scrape.of(given().get("/q/metrics").then().statusCode(200).extract().asString());
            assertThat(metrics.sum("privet_endpoints", Map.of())).isEqualTo(endpoints);
            assertThat(metrics.sum("privet_endpoints", Map.of("state", "pending"))).isPositive();
            assertThat(metrics.sum("privet_event_handling_seconds_count", Map.of("subscription", "service-catalog",
                    "event_type", "EndpointServiceCreated"))).isPositive();
            assertThat(metrics.samples("privet_subscription_lag_records", Map.of("service", "consumer")))
                    .extracting(Scrape.Sample::value).hasSize(3).containsOnly(0.0);
            assertThat(metrics.samples("privet_outbox_lag_events", Map.of("service", "consumer")))
                    .singleElement().extracting(Scrape.Sample::value).isEqualTo(0.0);
        });
    }

    @Test
    void a_service_that_requires_acceptance_leaves_the_endpoint_pendingAcceptance_until_accepted() {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, true, "*");
        var network = others.vpcWithSubnet(consumer, "us-east-1b");
        String id = create(consumer, body(service, network.vpcId(), List.of(network.subnetId())))
                .statusCode(201).body("state", equalTo("pendingAcceptance")).extract().path("vpcEndpointId");

        others.accept(PROVIDER, service, id, network);
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).body("state", equalTo("pending")));
    }

    @Test
    void an_available_endpoint_the_provider_rejects_is_taken_down_and_then_deleted_at_once() {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, false, rootArn(consumer));
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        String id = create(consumer, body(service, network.vpcId(), List.of(network.subnetId())))
                .statusCode(201).extract().path("vpcEndpointId");
        String eni = IdFormat.NETWORK_INTERFACE.newId();
        var dns = List.of(new DnsEntry(id + "-abcdefgh.vpce-svc.us-east-1.vpce.amazonaws.com", "Z7HUB22UULQXV"));
        others.accept(PROVIDER, service, id, network);
        others.publishDns(PROVIDER, service, id, network, eni, dns);
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).body("state", equalTo("available")));

        others.reject(PROVIDER, service, id, "contract ended");
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).statusCode(200)
                .body("state", equalTo("rejected"))
                .body("failureReason", equalTo("contract ended")));
        assertThat(published(id)).as("the rejection names the service, for dns-service to remove the names")
                .contains(new VpcEndpointRejected(id, "contract ended", OtherServices.serviceIdOf(service)));

        // dns-service removed the names, network-service released the interfaces: nothing is left to wait for
        others.releaseNetwork(PROVIDER, service, id, eni);
        await().atMost(ASYNC).untilAsserted(() -> assertThat(published(id)).contains(new VpcEndpointReleased(id)));
        get(consumer, id).statusCode(200)
                .body("state", equalTo("rejected"))
                .body("networkInterfaceIds", empty())
                .body("dnsEntries", empty());
        delete(consumer, id).statusCode(200).body("state", equalTo("deleted"));

        given().header("X-Privet-Account", consumer).get("/v1/vpc-endpoints/" + id + "/history").then()
                .statusCode(200)
                .body("eventType", contains("VpcEndpointRequested", "VpcEndpointSecurityGroupsChanged",
                        "VpcEndpointAvailable", "VpcEndpointRejected", "VpcEndpointReleased",
                        "VpcEndpointDeletionRequested", "VpcEndpointDeleted"))
                .body("cause", contains("request", "request", "event", "event", "event", "request", "request"))
                .body("principal[0]", equalTo(rootArn(consumer)))
                .body("[1].event.securityGroupIds", contains(others.defaultGroupOf(network.vpcId())))
                .body("[3].event.reason", equalTo("contract ended"));
        given().header("X-Privet-Account", newAccount()).get("/v1/vpc-endpoints/" + id + "/history").then()
                .statusCode(404).body("code", equalTo("InvalidVpcEndpointId.NotFound"));
    }

    /** The events of endpoint {@code id} on the consumer topic. */
    private static List<IntegrationEvent> published(String id) {
        return PublishedEvents.onTestBroker().readAll(Topic.CONSUMER).stream()
                .filter(e -> e.streamId().equals(id)).map(EventEnvelope::event).toList();
    }

    @Test
    void once_the_provider_stops_requiring_acceptance_a_new_endpoint_is_pending() {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, true, "*");
        others.publish(PROVIDER, new AcceptanceRequirementChanged(OtherServices.serviceIdOf(service), false));
        await().atMost(ASYNC).untilAsserted(() -> services(consumer, service).statusCode(200)
                .body("acceptanceRequired", contains(false)));
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        create(consumer, body(service, network.vpcId(), List.of(network.subnetId()))).statusCode(201)
                .body("state", equalTo("pending"));
    }

    @Test
    void an_endpoint_that_started_pending_waits_for_acceptance_when_the_provider_holds_it() {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, false, "*");
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        String id = create(consumer, body(service, network.vpcId(), List.of(network.subnetId()))).statusCode(201)
                .body("state", equalTo("pending")).extract().path("vpcEndpointId");

        // The provider had turned acceptance on, and the catalog had not heard of it yet.
        others.publish(PROVIDER, new EndpointConnectionRequested(OtherServices.serviceIdOf(service), id, consumer,
                network.vpcId(), List.of(network.subnetId())));
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).body("state", equalTo("pendingAcceptance")));
        others.accept(PROVIDER, service, id, network);
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).body("state", equalTo("pending")));
    }

    @Test
    void deleting_twice_answers_deleting_and_appends_nothing_the_second_time() throws SQLException {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, false, rootArn(consumer));
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        String id = create(consumer, body(service, network.vpcId(), List.of(network.subnetId())))
                .statusCode(201).extract().path("vpcEndpointId");

        delete(consumer, id).statusCode(200);
        long before = eventsBy(consumer);
        delete(consumer, id).statusCode(200).body("state", equalTo("deleting"));
        assertThat(eventsBy(consumer)).isEqualTo(before);
    }

    @Test
    void another_account_does_not_see_the_endpoint() {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, false, "*");
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        String id = create(consumer, body(service, network.vpcId(), List.of(network.subnetId())))
                .statusCode(201).extract().path("vpcEndpointId");

        String stranger = newAccount();
        get(stranger, id).statusCode(404).body("code", equalTo("InvalidVpcEndpointId.NotFound"));
        delete(stranger, id).statusCode(404).body("code", equalTo("InvalidVpcEndpointId.NotFound"));
        list(stranger).statusCode(200).body("$", hasSize(0));
        list(consumer).statusCode(200).body("vpcEndpointId", contains(id)); // no waiting: the list is written inline
        get(consumer, "vpce-0000000000000000f").statusCode(404);
        get(consumer, "not-an-id").statusCode(400).body("code", equalTo("InvalidVpcEndpointId.Malformed"));
    }

    @Test
    void the_endpoint_is_published_on_the_consumer_topic_keyed_by_its_id() {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, false, "*");
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        String id = create(consumer, body(service, network.vpcId(), List.of(network.subnetId())))
                .statusCode(201).extract().path("vpcEndpointId");

        var published = publishedRequest(id);
        assertThat(((VpcEndpointRequested) published.event()).serviceId()).isEqualTo(OtherServices.serviceIdOf(service));
        assertThat(published.metadata().principal()).isEqualTo(rootArn(consumer));
    }

    @Test
    void a_service_that_allows_one_user_admits_that_user_and_not_the_rest_of_its_account() {
        String consumer = newAccount();
        String ann = "arn:aws:iam::" + consumer + ":user/ann";
        String service = others.availableService(PROVIDER, false, ann);
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        var request = body(service, network.vpcId(), List.of(network.subnetId()));

        given().header("X-Privet-Account", consumer).header("X-Privet-Principal", ann).queryParam("serviceName", service)
                .get("/v1/vpc-endpoint-services").then().statusCode(200).body("serviceName", contains(service));
        String id = given().header("X-Privet-Account", consumer).header("X-Privet-Principal", ann)
                .contentType(ContentType.JSON).body(request).post("/v1/vpc-endpoints").then().statusCode(201)
                .extract().path("vpcEndpointId");
        assertThat(((VpcEndpointRequested) publishedRequest(id).event()).requesterArn()).isEqualTo(ann);
        given().header("X-Privet-Account", consumer).header("X-Privet-Principal", "arn:aws:iam::" + consumer
                        + ":role/bob").contentType(ContentType.JSON).body(request).post("/v1/vpc-endpoints").then()
                .statusCode(400).body("code", equalTo("InvalidServiceName"));
        create(consumer, request).statusCode(400).body("code", equalTo("InvalidServiceName")); // the root is not ann
        given().header("X-Privet-Account", consumer).header("X-Privet-Principal", "arn:aws:iam::" + PROVIDER
                        + ":user/ann").contentType(ContentType.JSON).body(request).post("/v1/vpc-endpoints").then()
                .statusCode(401).body("code", equalTo("AuthFailure"));
    }

    @Test
    void lists_the_services_the_caller_may_use_and_only_those() {
        String consumer = newAccount();
        String allowed = others.availableService(PROVIDER, true, rootArn(consumer));
        String forbidden = others.availableService(PROVIDER, false, rootArn(newAccount()));

        services(consumer, allowed).statusCode(200)
                .body("serviceName", contains(allowed))
                .body("[0].serviceId", equalTo(OtherServices.serviceIdOf(allowed)))
                .body("[0].owner", equalTo(PROVIDER))
                .body("[0].serviceState", equalTo("Available"))
                .body("[0].acceptanceRequired", equalTo(true));
        services(consumer, forbidden).statusCode(200).body("$", hasSize(0));
        services(consumer, null).statusCode(200)
                .body("serviceName", hasItem(allowed))
                .body("serviceName", not(hasItem(forbidden)));
        services(consumer, "x".repeat(256)).statusCode(400).body("field", equalTo("serviceName"));
    }

    @Test
    void a_deleted_service_is_no_longer_listed_and_an_endpoint_on_its_name_is_InvalidServiceName() throws SQLException {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, false, rootArn(consumer));
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        services(consumer, service).statusCode(200).body("serviceName", contains(service));

        others.deleteService(PROVIDER, service);

        // The catalog hears of it from the provider's topic: asynchronous by design. Until then it still answers the
        // service (a hit is not confirmed), and an endpoint made meanwhile is rejected by the provider instead.
        await().atMost(ASYNC).untilAsserted(() -> services(consumer, service).statusCode(200).body("$", hasSize(0)));
        services(consumer, null).statusCode(200).body("serviceName", not(hasItem(service)));
        assertThat(catalogHas(dataSource, OtherServices.serviceIdOf(service))).isFalse();
        long before = eventsBy(consumer);
        create(consumer, body(service, network.vpcId(), List.of(network.subnetId())))
                .statusCode(400).body("code", equalTo("InvalidServiceName")).body("field", equalTo("serviceName"));
        assertThat(eventsBy(consumer)).isEqualTo(before);
    }

    @Nested
    class a_miss_is_confirmed_before_it_is_answered {
        record Published(String service, OtherServices.Network network) {
        }

        @Test
        void an_endpoint_on_a_service_and_in_a_vpc_published_just_before_the_request_is_created() throws SQLException {
            String consumer = newAccount();
            var published = others.behindBacklog(300, () -> new Published(
                    others.availableService(PROVIDER, false, rootArn(consumer)), others.vpcWithSubnet(consumer, "us-east-1a")));
            assertThat(catalogHas(dataSource, OtherServices.serviceIdOf(published.service())))
                    .as("the catalog has not seen the service yet").isFalse();

            create(consumer, body(published.service(), published.network().vpcId(),
                    List.of(published.network().subnetId())))
                    .statusCode(201).body("serviceName", equalTo(published.service())).body("state", equalTo("pending"))
                    .body("securityGroupIds", contains(others.defaultGroupOf(published.network().vpcId())));
        }

        @Test
        void a_named_service_published_just_before_the_request_is_listed() throws SQLException {
            String consumer = newAccount();
            String service = others.behindBacklog(300, () -> others.availableService(PROVIDER, false, rootArn(consumer)));
            assertThat(catalogHas(dataSource, OtherServices.serviceIdOf(service))).isFalse();

            services(consumer, service).statusCode(200).body("serviceName", contains(service));
        }

        @Test
        void a_service_that_is_not_there_once_the_catalog_caught_up_is_InvalidServiceName() throws SQLException {
            String consumer = newAccount();
            var network = others.vpcWithSubnet(consumer, "us-east-1a");
            String unknown = "com.amazonaws.vpce.us-east-1." + IdFormat.ENDPOINT_SERVICE.newId();
            long before = eventsBy(consumer);
            create(consumer, body(unknown, network.vpcId(), List.of(network.subnetId())))
                    .statusCode(400).body("code", equalTo("InvalidServiceName"));
            assertThat(eventsBy(consumer)).isEqualTo(before);
        }

        @Test
        void a_miss_the_catalog_cannot_confirm_in_time_is_503_to_retry_never_InvalidServiceName() throws SQLException {
            String consumer = newAccount();
            var network = others.vpcWithSubnet(consumer, "us-east-1a");
            String service;
            try (Connection catalogWriters = dataSource.getConnection()) {
                // Readers pass an EXCLUSIVE lock, writers wait: the catalog cannot apply anything new meanwhile.
                catalogWriters.setAutoCommit(false);
                try (Statement st = catalogWriters.createStatement()) {
                    st.execute("lock table catalog_services in exclusive mode");
                }
                service = others.availableService(PROVIDER, false, rootArn(consumer));
                var request = body(service, network.vpcId(), List.of(network.subnetId()));

                create(consumer, request).statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", notNullValue())
                        .body("code", equalTo("ServiceUnavailable"));
                services(consumer, service).statusCode(503).body("code", equalTo("ServiceUnavailable"));
                assertThat(eventsBy(consumer)).isZero();
                list(consumer).statusCode(200).body("$", hasSize(0));
                catalogWriters.rollback();
            }
            // the retry the 503 asked for succeeds once the catalog has caught up
            create(consumer, body(service, network.vpcId(), List.of(network.subnetId()))).statusCode(201);
        }
    }

    @Nested
    class a_create_with_an_Idempotency_Key {
        final String consumer = newAccount();
        final String service = others.availableService(PROVIDER, false, rootArn(consumer));
        final OtherServices.Network network = others.vpcWithSubnet(consumer, "us-east-1a");

        @Test
        void retried_returns_the_same_endpoint_and_stores_nothing_new() throws SQLException {
            var request = body(service, network.vpcId(), List.of(network.subnetId()));
            String first = create(consumer, "create-1", request).statusCode(201).extract().asString();
            long stored = eventsBy(consumer);

            String again = create(consumer, "create-1", request).statusCode(201).extract().asString();

            assertThat(again).isEqualTo(first);
            assertThat(eventsBy(consumer)).isEqualTo(stored);
            list(consumer).statusCode(200).body("$", hasSize(1));
        }

        @Test
        void with_another_request_is_refused_naming_the_key_and_stores_nothing() throws SQLException {
            create(consumer, "create-2", body(service, network.vpcId(), List.of(network.subnetId()))).statusCode(201);
            long stored = eventsBy(consumer);
            var second = others.subnetIn(consumer, network.vpcId(), "us-east-1b");

            create(consumer, "create-2", body(service, network.vpcId(), List.of(second.subnetId())))
                    .statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("IdempotentParameterMismatch")).body("field", equalTo("Idempotency-Key"));

            assertThat(eventsBy(consumer)).isEqualTo(stored);
            list(consumer).statusCode(200).body("$", hasSize(1));
        }

        @Test
        void of_another_account_is_another_key() {
            var request = body(service, network.vpcId(), List.of(network.subnetId()));
            String mine = create(consumer, "shared-key", request).statusCode(201).extract().path("vpcEndpointId");
            String stranger = newAccount();
            var strangers = others.vpcWithSubnet(stranger, "us-east-1a");
            String service2 = others.availableService(PROVIDER, false, "*");
            String theirs = create(stranger, "shared-key", body(service2, strangers.vpcId(),
                    List.of(strangers.subnetId()))).statusCode(201).extract().path("vpcEndpointId");
            assertThat(theirs).isNotEqualTo(mine);
        }

        @Test
        void that_is_too_long_or_not_printable_is_refused() throws SQLException {
            var request = body(service, network.vpcId(), List.of(network.subnetId()));
            long before = eventsBy(consumer);
            create(consumer, "k".repeat(65), request).statusCode(400).body("field", equalTo("Idempotency-Key"));
            create(consumer, "with space", request).statusCode(400).body("field", equalTo("Idempotency-Key"));
            assertThat(eventsBy(consumer)).isEqualTo(before);
        }
    }

    @Nested
    class an_oversized_request_is_answered_400_naming_the_field_and_stores_nothing {
        final String consumer = newAccount();
        final String service = others.availableService(PROVIDER, false, rootArn(consumer));
        final OtherServices.Network network = others.vpcWithSubnet(consumer, "us-east-1a");

        Map<String, Object> valid() {
            return new HashMap<>(body(service, network.vpcId(), List.of(network.subnetId())));
        }

        Map<String, Object> with(String field, Object value) {
            Map<String, Object> body = valid();
            body.put(field, value);
            return body;
        }

        void refused(Map<String, Object> body, String field) throws SQLException {
            long before = eventsBy(consumer);
            String answer = create(consumer, body).statusCode(400).contentType("application/problem+json")
                    .body("field", equalTo(field)).extract().asString();
            assertThat(answer.length()).as("the answer does not echo the input").isLessThan(2_000);
            assertThat(eventsBy(consumer)).isEqualTo(before);
            list(consumer).statusCode(200).body("$", hasSize(0));
        }

        @Test
        void then_a_normal_create_still_succeeds_and_reaches_Kafka() throws SQLException {
            String megabytes = "x".repeat(2 * 1024 * 1024);
            refused(with("serviceName", "com.amazonaws.vpce.us-east-1." + megabytes), "serviceName");
            refused(with("vpcId", "vpc-" + megabytes), "vpcId");
            refused(with("vpcEndpointType", megabytes), "vpcEndpointType");
            refused(with("subnetIds", Collections.nCopies(34_000, network.subnetId())), "subnetIds");
            refused(with("subnetIds", List.of(network.subnetId(), "subnet-" + megabytes)), "subnetIds[1]");
            refused(with("securityGroupIds", Collections.nCopies(17, "sg-0123456789abcdef0")), "securityGroupIds");
            refused(with("securityGroupIds", List.of("sg-" + megabytes)), "securityGroupIds[0]");

            String id = create(consumer, valid()).statusCode(201).extract().path("vpcEndpointId");
            assertThat(publishedRequest(id).metadata().principal()).isEqualTo(rootArn(consumer));
            list(consumer).statusCode(200).body("vpcEndpointId", contains(id));
        }

        @Test
        void at_the_bounds_it_is_accepted() {
            var groups = IntStream.rangeClosed(1, 16).mapToObj(i -> others.securityGroupIn(consumer,
                    network.vpcId())).toList();
            create(consumer, with("securityGroupIds", groups)).statusCode(201);
        }
    }

    @Nested
    class a_bad_request_is_answered_400_naming_the_field_and_appends_nothing {
        final String consumer = newAccount();
        final String service = others.availableService(PROVIDER, false, rootArn(consumer));
        final OtherServices.Network network = others.vpcWithSubnet(consumer, "us-east-1a");

        void rejected(Object body, String code, String field) throws SQLException {
            long before = eventsBy(consumer);
            create(consumer, body).statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo(code)).body("field", equalTo(field));
            assertThat(eventsBy(consumer)).isEqualTo(before);
        }

        @Test
        void for_the_endpoint_type() throws SQLException {
            for (String type : List.of("GatewayLoadBalancer", "Bogus")) {
                rejected(Map.of("vpcEndpointType", type, "serviceName", service, "vpcId", network.vpcId(),
                        "subnetIds", List.of(network.subnetId())), "InvalidParameterValue", "vpcEndpointType");
            }
            // a provider's service is an Interface service: it offers no Gateway endpoint
            rejected(Map.of("vpcEndpointType", "Gateway", "serviceName", service, "vpcId", network.vpcId()),
                    "InvalidParameterValue", "vpcEndpointType");
            rejected(Map.of("vpcEndpointType", "Gateway", "serviceName", service, "vpcId", network.vpcId(),
                    "subnetIds", List.of(network.subnetId())), "InvalidParameterValue", "subnetIds");
        }

        @Test
        void for_the_service_name() throws SQLException {
            rejected(Map.of("vpcId", network.vpcId(), "subnetIds", List.of(network.subnetId())),
                    "MissingParameter", "serviceName");
            rejected(body("com.example.nope", network.vpcId(), List.of(network.subnetId())),
                    "InvalidServiceName", "serviceName");
            String unknown = "com.amazonaws.vpce.us-east-1." + IdFormat.ENDPOINT_SERVICE.newId();
            rejected(body(unknown, network.vpcId(), List.of(network.subnetId())), "InvalidServiceName", "serviceName");
        }

        @Test
        void for_a_service_the_caller_may_not_use_with_the_same_answer_as_for_a_missing_one() throws SQLException {
            String other = others.availableService(PROVIDER, false, rootArn(newAccount()));
            long before = eventsBy(consumer);
            create(consumer, body(other, network.vpcId(), List.of(network.subnetId()))).statusCode(400)
                    .body("code", equalTo("InvalidServiceName"))
                    .body("detail", equalTo("The Vpc Endpoint Service '" + other + "' does not exist"));
            assertThat(eventsBy(consumer)).isEqualTo(before);
        }

        @Test
        void for_the_VPC() throws SQLException {
            rejected(Map.of("serviceName", service, "subnetIds", List.of(network.subnetId())),
                    "MissingParameter", "vpcId");
            rejected(body(service, "vpc-123", List.of(network.subnetId())), "InvalidVpcId.Malformed", "vpcId");
            rejected(body(service, IdFormat.VPC.newId(), List.of(network.subnetId())), "InvalidVpcID.NotFound", "vpcId");
            var strangers = others.vpcWithSubnet(newAccount(), "us-east-1a");
            rejected(body(service, strangers.vpcId(), List.of(network.subnetId())), "InvalidVpcID.NotFound", "vpcId");
        }

        @Test
        void for_the_subnets() throws SQLException {
            String vpc = network.vpcId();
            rejected(Map.of("serviceName", service, "vpcId", vpc), "MissingParameter", "subnetIds");
            rejected(body(service, vpc, List.of()), "MissingParameter", "subnetIds");
            rejected(body(service, vpc, List.of(network.subnetId(), "subnet-x")), "InvalidParameterValue", "subnetIds[1]");
            rejected(body(service, vpc, List.of(network.subnetId(), network.subnetId())),
                    "InvalidParameterValue", "subnetIds[1]");
            rejected(body(service, vpc, List.of(IdFormat.SUBNET.newId())), "InvalidSubnetID.NotFound", "subnetIds[0]");
            var elsewhere = others.vpcWithSubnet(consumer, "us-east-1b");
            rejected(body(service, vpc, List.of(network.subnetId(), elsewhere.subnetId())),
                    "InvalidParameterValue", "subnetIds[1]");
            var sameZone = others.subnetIn(consumer, vpc, "us-east-1a");
            rejected(body(service, vpc, List.of(network.subnetId(), sameZone.subnetId())),
                    "DuplicateSubnetsInSameZone", "subnetIds[1]");
        }

        @Test
        void for_the_security_groups() throws SQLException {
            rejected(Map.of("serviceName", service, "vpcId", network.vpcId(), "subnetIds", List.of(network.subnetId()),
                    "securityGroupIds", List.of("sg-nope")), "InvalidGroupId.Malformed", "securityGroupIds[0]");
            rejected(Map.of("serviceName", service, "vpcId", network.vpcId(), "subnetIds", List.of(network.subnetId()),
                            "securityGroupIds", List.of("sg-00000001", "sg-00000001")), "InvalidParameterValue",
                    "securityGroupIds[1]");
            String own = others.securityGroupIn(consumer, network.vpcId());
            for (String missing : List.of(IdFormat.SECURITY_GROUP.newId(),
                    others.securityGroupIn(newAccount(), network.vpcId()),
                    others.securityGroupIn(consumer, others.vpcWithSubnet(consumer, "us-east-1a").vpcId()))) {
                rejected(Map.of("serviceName", service, "vpcId", network.vpcId(), "subnetIds",
                        List.of(network.subnetId()), "securityGroupIds", List.of(own, missing)),
                        "InvalidGroup.NotFound", "securityGroupIds[1]");
            }
        }

        @Test
        void for_a_body_that_is_not_JSON_of_the_right_shape() throws SQLException {
            long before = eventsBy(consumer);
            create(consumer, "{not json").statusCode(400).contentType("application/problem+json");
            create(consumer, Map.of("serviceName", service, "vpcId", network.vpcId(), "subnetIds", "subnet-1"))
                    .statusCode(400).contentType("application/problem+json").body("field", equalTo("subnetIds"));
            given().contentType(ContentType.JSON).body(body(service, network.vpcId(), List.of(network.subnetId())))
                    .post("/v1/vpc-endpoints").then().statusCode(401).body("code", equalTo("AuthFailure"));
            assertThat(eventsBy(consumer)).isEqualTo(before);
        }
    }
}
