package dev.privet.consumer.api;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.Topic;
import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.eventstore.EventRecords;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PrivetServiceTestResource.class)
@DisplayName("consumer-service API")
class VpcEndpointApiTest {
    static final String PROVIDER = "222222222222";
    static final Duration ASYNC = Duration.ofSeconds(20);

    static OtherServices others;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void connect() {
        others = new OtherServices();
    }

    @AfterAll
    static void disconnect() {
        others.close();
    }

    static String newAccount() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    }

    static String rootArn(String account) {
        return "arn:aws:iam::" + account + ":root";
    }

    static Map<String, Object> body(String serviceName, String vpcId, List<String> subnetIds) {
        return Map.of("serviceName", serviceName, "vpcId", vpcId, "subnetIds", subnetIds, "securityGroupIds", List.of());
    }

    static ValidatableResponse create(String account, Object body) {
        return given().header("X-Privet-Account", account).contentType(ContentType.JSON).body(body)
                .post("/v1/vpc-endpoints").then();
    }

    static ValidatableResponse get(String account, String id) {
        return given().header("X-Privet-Account", account).get("/v1/vpc-endpoints/" + id).then();
    }

    long eventsBy(String principal) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select count(*) from events where principal = ?")) {
            st.setString(1, principal);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    @DisplayName("an endpoint goes pending, available, deleting, deleted as the other services report")
    void lifecycle() {
        String consumer = newAccount();
        // The other services publish, and the endpoint is asked for at once: the views catch up before a miss.
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

        given().header("X-Privet-Account", consumer).delete("/v1/vpc-endpoints/" + id).then()
                .statusCode(200).body("state", equalTo("deleting"));
        get(consumer, id).statusCode(200).body("state", equalTo("deleting"));

        others.releaseNetwork(PROVIDER, service, id, eni);
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).statusCode(200).body("state", equalTo("deleted")));
    }

    @Test
    @DisplayName("a service that requires acceptance leaves the endpoint pendingAcceptance until accepted")
    void acceptanceRequired() {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, true, "*");
        var network = others.vpcWithSubnet(consumer, "us-east-1b");
        String id = create(consumer, body(service, network.vpcId(), List.of(network.subnetId())))
                .statusCode(201).body("state", equalTo("pendingAcceptance")).extract().path("vpcEndpointId");

        others.accept(PROVIDER, service, id, network);
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).body("state", equalTo("pending")));
    }

    @Test
    @DisplayName("deleting twice answers deleting and appends nothing the second time")
    void deleteIsIdempotent() throws SQLException {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, false, rootArn(consumer));
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        String id = create(consumer, body(service, network.vpcId(), List.of(network.subnetId())))
                .statusCode(201).extract().path("vpcEndpointId");

        given().header("X-Privet-Account", consumer).delete("/v1/vpc-endpoints/" + id).then().statusCode(200);
        long before = eventsBy(consumer);
        given().header("X-Privet-Account", consumer).delete("/v1/vpc-endpoints/" + id).then()
                .statusCode(200).body("state", equalTo("deleting"));
        assertThat(eventsBy(consumer)).isEqualTo(before);
    }

    @Test
    @DisplayName("another account does not see the endpoint")
    void otherAccount() {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, false, "*");
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        String id = create(consumer, body(service, network.vpcId(), List.of(network.subnetId())))
                .statusCode(201).extract().path("vpcEndpointId");

        String stranger = newAccount();
        get(stranger, id).statusCode(404).body("code", equalTo("InvalidVpcEndpointId.NotFound"));
        given().header("X-Privet-Account", stranger).delete("/v1/vpc-endpoints/" + id).then()
                .statusCode(404).body("code", equalTo("InvalidVpcEndpointId.NotFound"));
        given().header("X-Privet-Account", stranger).get("/v1/vpc-endpoints").then()
                .statusCode(200).body("$", hasSize(0));
        await().atMost(ASYNC).untilAsserted(() -> given().header("X-Privet-Account", consumer)
                .get("/v1/vpc-endpoints").then().statusCode(200).body("vpcEndpointId", contains(id)));
        get(consumer, "vpce-0000000000000000f").statusCode(404);
        get(consumer, "not-an-id").statusCode(400).body("code", equalTo("InvalidVpcEndpointId.Malformed"));
    }

    @Test
    @DisplayName("the endpoint is published on the consumer topic")
    void published() {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, false, "*");
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        String id = create(consumer, body(service, network.vpcId(), List.of(network.subnetId())))
                .statusCode(201).extract().path("vpcEndpointId");

        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (var kafka = new KafkaConsumer<String, byte[]>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            var partitions = kafka.partitionsFor(Topic.CONSUMER.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            var codec = new EventCodec();
            await().atMost(ASYNC).until(() -> {
                for (var record : kafka.poll(Duration.ofMillis(200))) {
                    var envelope = EventRecords.fromRecord(record, codec).orElseThrow();
                    if (envelope.event() instanceof VpcEndpointRequested r && r.vpcEndpointId().equals(id)) {
                        assertThat(record.key()).isEqualTo(id);
                        assertThat(r.serviceId()).isEqualTo(OtherServices.serviceIdOf(service));
                        assertThat(envelope.metadata().principal()).isEqualTo(consumer);
                        return true;
                    }
                }
                return false;
            });
        }
    }

    @Test
    @DisplayName("lists the services the caller may use, and only those")
    void catalog() {
        String consumer = newAccount();
        String allowed = others.availableService(PROVIDER, true, rootArn(consumer));
        String forbidden = others.availableService(PROVIDER, false, rootArn(newAccount()));

        given().header("X-Privet-Account", consumer).queryParam("serviceName", allowed)
                .get("/v1/vpc-endpoint-services").then().statusCode(200)
                .body("serviceName", contains(allowed))
                .body("[0].serviceId", equalTo(OtherServices.serviceIdOf(allowed)))
                .body("[0].owner", equalTo(PROVIDER))
                .body("[0].serviceState", equalTo("Available"))
                .body("[0].acceptanceRequired", equalTo(true));
        given().header("X-Privet-Account", consumer).queryParam("serviceName", forbidden)
                .get("/v1/vpc-endpoint-services").then().statusCode(200).body("$", hasSize(0));
        given().header("X-Privet-Account", consumer).get("/v1/vpc-endpoint-services").then().statusCode(200)
                .body("serviceName", hasItem(allowed))
                .body("serviceName", not(hasItem(forbidden)));
    }

    @Test
    @DisplayName("rebuilding the read models from the log gives the same answers")
    void rebuild() {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, false, rootArn(consumer));
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        String id = create(consumer, body(service, network.vpcId(), List.of(network.subnetId())))
                .statusCode(201).extract().path("vpcEndpointId");
        String eni = IdFormat.NETWORK_INTERFACE.newId();
        others.accept(PROVIDER, service, id, network);
        others.publishDns(PROVIDER, service, id, network, eni, List.of(new DnsEntry("x.example", "Z1")));
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).body("state", equalTo("available")));

        String endpoint = get(consumer, id).extract().asString();
        String endpoints = given().header("X-Privet-Account", consumer).get("/v1/vpc-endpoints").asString();
        String services = given().header("X-Privet-Account", consumer).get("/v1/vpc-endpoint-services").asString();

        for (String readModel : List.of("vpc-endpoints", "service-catalog", "network-view")) {
            given().post("/admin/consumers/" + readModel + "/rebuild").then().statusCode(200)
                    .body("caughtUp", equalTo(true));
        }

        assertThat(get(consumer, id).statusCode(200).extract().asString()).isEqualTo(endpoint);
        assertThat(given().header("X-Privet-Account", consumer).get("/v1/vpc-endpoints").asString()).isEqualTo(endpoints);
        assertThat(given().header("X-Privet-Account", consumer).get("/v1/vpc-endpoint-services").asString())
                .isEqualTo(services);
        // and the rebuilt views still admit new endpoints
        var second = others.subnetIn(consumer, network.vpcId(), "us-east-1b");
        create(consumer, body(service, network.vpcId(), List.of(second.subnetId()))).statusCode(201);
    }

    @Nested
    @DisplayName("a bad request is answered 400 naming the field, and appends nothing")
    class BadInput {
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
        @DisplayName("for the endpoint type")
        void type() throws SQLException {
            for (String type : List.of("Gateway", "GatewayLoadBalancer", "Bogus")) {
                rejected(Map.of("vpcEndpointType", type, "serviceName", service, "vpcId", network.vpcId(),
                        "subnetIds", List.of(network.subnetId())), "InvalidParameterValue", "vpcEndpointType");
            }
        }

        @Test
        @DisplayName("for the service name")
        void serviceName() throws SQLException {
            rejected(Map.of("vpcId", network.vpcId(), "subnetIds", List.of(network.subnetId())),
                    "MissingParameter", "serviceName");
            rejected(body("com.example.nope", network.vpcId(), List.of(network.subnetId())),
                    "InvalidServiceName", "serviceName");
            String unknown = "com.amazonaws.vpce.us-east-1." + IdFormat.ENDPOINT_SERVICE.newId();
            rejected(body(unknown, network.vpcId(), List.of(network.subnetId())), "InvalidServiceName", "serviceName");
        }

        @Test
        @DisplayName("for a service the caller is not allowed to use, with the same answer as for a missing one")
        void notAllowed() throws SQLException {
            String other = others.availableService(PROVIDER, false, rootArn(newAccount()));
            long before = eventsBy(consumer);
            create(consumer, body(other, network.vpcId(), List.of(network.subnetId()))).statusCode(400)
                    .body("code", equalTo("InvalidServiceName"))
                    .body("detail", equalTo("The Vpc Endpoint Service '" + other + "' does not exist"));
            assertThat(eventsBy(consumer)).isEqualTo(before);
        }

        @Test
        @DisplayName("for the VPC")
        void vpc() throws SQLException {
            rejected(Map.of("serviceName", service, "subnetIds", List.of(network.subnetId())),
                    "MissingParameter", "vpcId");
            rejected(body(service, "vpc-123", List.of(network.subnetId())), "InvalidVpcId.Malformed", "vpcId");
            rejected(body(service, IdFormat.VPC.newId(), List.of(network.subnetId())), "InvalidVpcId.NotFound", "vpcId");
            var strangers = others.vpcWithSubnet(newAccount(), "us-east-1a");
            rejected(body(service, strangers.vpcId(), List.of(network.subnetId())), "InvalidVpcId.NotFound", "vpcId");
        }

        @Test
        @DisplayName("for the subnets")
        void subnets() throws SQLException {
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
        @DisplayName("for a body that is not JSON of the right shape")
        void malformed() throws SQLException {
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
