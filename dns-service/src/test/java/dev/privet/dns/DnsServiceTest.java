package dev.privet.dns;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeletionRequested;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRejected;
import dev.privet.contracts.events.DnsEvent;
import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkProvisioned;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.dns.server.DnsServer;
import dev.privet.dns.zone.ServedNames;
import dev.privet.eventstore.EventStore;
import dev.privet.testkit.PrivetServiceTestResource;
import dev.privet.testkit.Scrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import javax.sql.DataSource;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DnsServiceTest {
    static final String NAME_PATTERN =
            "vpce-[0-9a-f]{17}-[a-z0-9]{8}(-us-east-1[ab])?\\.vpce-svc-[0-9a-f]{17}\\.us-east-1\\.vpce\\.amazonaws\\.com";
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static DnsTopic dnsTopic;

    @Inject
    DnsServer dnsServer;
    @Inject
    DataSource dataSource;
    @Inject
    EventStore store;
    @Inject
    ServedNames servedNames;

    @BeforeAll
    static void readDnsTopic() {
        dnsTopic = new DnsTopic();
    }

    @AfterAll
    static void stopReading() {
        dnsTopic.close();
    }

    @Test
    void a_provisioned_endpoint_gets_AWS_style_names_that_resolve_over_UDP_and_TCP_until_it_is_deleted()
            throws IOException {
        String endpointId = IdFormat.VPC_ENDPOINT.newId();
        String serviceId = IdFormat.ENDPOINT_SERVICE.newId();

        EventPlayer.publish(provisioned(endpointId, serviceId));

        EndpointDnsPublished published = dnsTopic.await(EndpointDnsPublished.class, endpointId);
        assertThat(published.dnsEntries()).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.dnsName()).matches(NAME_PATTERN).startsWith(endpointId + "-").contains(serviceId);
            assertThat(entry.hostedZoneId()).isEqualTo("Z7HUB22UULQXV");
        });
        String regional = published.dnsEntries().get(0).dnsName();
        String zonalA = published.dnsEntries().get(1).dnsName();
        assertThat(zonalA).contains("-us-east-1a.");
        assertThat(published.dnsEntries().get(2).dnsName()).contains("-us-east-1b.");
        assertThat(published.networkInterfaces()).hasSize(2);

        given().get("/v1/endpoint-dns/" + endpointId).then().statusCode(200)
                .body("vpcEndpointId", equalTo(endpointId))
                .body("state", equalTo("published"))
                .body("dnsEntries[0].dnsName", equalTo(regional))
                .body("dnsEntries[0].hostedZoneId", equalTo("Z7HUB22UULQXV"))
                .body("records[0].name", equalTo(regional))
                .body("records[0].type", equalTo("A"))
                .body("records[0].values", equalTo(List.of("10.0.1.4", "10.0.2.4")))
                .body("records[1].name", equalTo(zonalA))
                .body("records[1].values", equalTo(List.of("10.0.1.4")));
        given().queryParam("name", regional.toUpperCase() + ".").get("/v1/dns-records").then().statusCode(200)
                .body("[0].name", equalTo(regional)).body("[0].values", equalTo(List.of("10.0.1.4", "10.0.2.4")));
        for (boolean tcp : new boolean[] {false, true}) {
            assertThat(addresses(query(regional, Type.A, tcp))).containsExactlyInAnyOrder("10.0.1.4", "10.0.2.4");
            assertThat(addresses(query(zonalA, Type.A, tcp))).containsExactly("10.0.1.4");
            Message aaaa = query(regional, Type.AAAA, tcp);
            assertThat(aaaa.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(aaaa.getSection(Section.ANSWER)).isEmpty();
        }

        EventPlayer.publish(new VpcEndpointDeletionRequested(endpointId, serviceId));

        dnsTopic.await(EndpointDnsRemoved.class, endpointId);
        assertThat(query(regional, Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(query(zonalA, Type.A, true).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        given().get("/v1/endpoint-dns/" + endpointId).then().statusCode(200)
                .body("state", equalTo("removed")).body("records", equalTo(List.of()));
    }

    /**
     * consumer-service marks an endpoint available once it reads EndpointDnsPublished: a client that resolves the name
     * at that moment must get the addresses, and once EndpointDnsRemoved is out, it must no longer. No retries here.
     */
    @Test
    void names_resolve_the_moment_their_publication_is_on_Kafka_and_stop_the_moment_their_removal_is()
            throws IOException {
        Map<String, String> services = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            services.put(IdFormat.VPC_ENDPOINT.newId(), IdFormat.ENDPOINT_SERVICE.newId());
        }
        Map<String, String> regionalNames = new LinkedHashMap<>();
        publishInParallel(services.entrySet().stream().map(e -> provisioned(e.getKey(), e.getValue())).toList());

        dnsTopic.onArrival(EndpointDnsPublished.class, services.keySet(), published -> {
            String regional = published.dnsEntries().getFirst().dnsName();
            regionalNames.put(published.vpcEndpointId(), regional);
            assertThat(addresses(query(regional, Type.A, false))).as(regional)
                    .containsExactlyInAnyOrder("10.0.1.4", "10.0.2.4");
            given().queryParam("name", regional).get("/v1/dns-records").then().statusCode(200)
                    .body("[0].values", equalTo(List.of("10.0.1.4", "10.0.2.4")));
            given().get("/v1/endpoint-dns/" + published.vpcEndpointId()).then().statusCode(200)
                    .body("state", equalTo("published"));
        });

        publishInParallel(services.entrySet().stream()
                .map(e -> new VpcEndpointDeletionRequested(e.getKey(), e.getValue())).toList());

        dnsTopic.onArrival(EndpointDnsRemoved.class, services.keySet(), removed -> {
            String regional = regionalNames.get(removed.vpcEndpointId());
            assertThat(query(regional, Type.A, false).getRcode()).as(regional).isEqualTo(Rcode.NXDOMAIN);
            given().queryParam("name", regional).get("/v1/dns-records").then().statusCode(200)
                    .body("size()", equalTo(0));
        });
    }

    @Test
    void a_rejection_removes_the_names_and_the_deletion_after_it_changes_nothing() throws Exception {
        String endpointId = IdFormat.VPC_ENDPOINT.newId();
        String serviceId = IdFormat.ENDPOINT_SERVICE.newId();
        EventPlayer.publish(provisioned(endpointId, serviceId));
        String regional = dnsTopic.await(EndpointDnsPublished.class, endpointId).dnsEntries().getFirst().dnsName();

        EventPlayer.publish(new VpcEndpointRejected(endpointId, "contract ended", serviceId));
        dnsTopic.await(EndpointDnsRemoved.class, endpointId);
        assertThat(query(regional, Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);

        EventEnvelope deletion = EventPlayer.publish(new VpcEndpointDeletionRequested(endpointId, serviceId));
        await().atMost(PATIENCE).until(() -> applied("remove-names", deletion));
        assertThat(storedEvents(endpointId)).as("published, then removed once").isEqualTo(2);

        // Recorded before rejections named their service: nothing to take down, its deletion will do it.
        String older = IdFormat.VPC_ENDPOINT.newId();
        EventEnvelope oldRejection = EventPlayer.publish(new VpcEndpointRejected(older, "not allowed", null));
        await().atMost(PATIENCE).until(() -> applied("remove-names", oldRejection));
        assertThat(storedEvents(older)).isZero();
    }

    @Test
    void a_deletion_that_arrives_before_the_provisioning_removes_the_names_and_the_late_provisioning_is_ignored()
            throws SQLException {
        String endpointId = IdFormat.VPC_ENDPOINT.newId();
        String serviceId = IdFormat.ENDPOINT_SERVICE.newId();

        EventPlayer.publish(new VpcEndpointDeletionRequested(endpointId, serviceId));
        dnsTopic.await(EndpointDnsRemoved.class, endpointId);
        EventEnvelope late = EventPlayer.publish(provisioned(endpointId, serviceId));

        // The reaction's applied marker commits with its effect (here: nothing): once it is there, the reaction ran.
        await().atMost(PATIENCE).until(() -> applied("publish-names", late));
        assertThat(storedEvents(endpointId)).isEqualTo(1);
        assertThat(dnsTopic.eventsOf(endpointId)).containsExactly(new EndpointDnsRemoved(endpointId, serviceId));
        given().get("/v1/endpoint-dns/" + endpointId).then().statusCode(200)
                .body("state", equalTo("removed")).body("dnsEntries", equalTo(List.of()))
                .body("records", equalTo(List.of()));
    }

    @Test
    void a_rebuilt_read_model_answers_the_same_over_HTTP_and_DNS() throws IOException {
        String endpointId = IdFormat.VPC_ENDPOINT.newId();
        EventPlayer.publish(provisioned(endpointId, IdFormat.ENDPOINT_SERVICE.newId()));
        String regional = dnsTopic.await(EndpointDnsPublished.class, endpointId).dnsEntries().getFirst().dnsName();
        String before = given().get("/v1/endpoint-dns/" + endpointId).then().statusCode(200).extract().asString();

        given().post("/admin/consumers/endpoint-dns/rebuild").then().statusCode(200)
                .body("rebuilt", equalTo(true)).body("caughtUp", equalTo(true));

        assertThat(given().get("/v1/endpoint-dns/" + endpointId).then().statusCode(200).extract().asString())
                .isEqualTo(before);
        assertThat(addresses(query(regional, Type.A, false))).containsExactlyInAnyOrder("10.0.1.4", "10.0.2.4");
    }

    @Test
    void a_rebuild_while_names_keep_being_published_and_removed_equals_the_store() throws Exception {
        var model = new ModelAgainstStore(dataSource, store);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> endpoints = new CopyOnWriteArrayList<>(); // every third one is deleted right after it is provisioned
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; writing.get() && i < 1000; i++) {
                String endpointId = IdFormat.VPC_ENDPOINT.newId();
                String serviceId = IdFormat.ENDPOINT_SERVICE.newId();
                EventPlayer.publish(provisioned(endpointId, serviceId));
                if (i % 3 == 0) {
                    EventPlayer.publish(new VpcEndpointDeletionRequested(endpointId, serviceId));
                }
                endpoints.add(endpointId);
            }
        });
        try {
            for (int round = 0; round < 3; round++) {
                long stored = allStoredEvents();
                await().atMost(PATIENCE).until(() -> allStoredEvents() > stored); // the reactions are appending

                given().post("/admin/consumers/endpoint-dns/rebuild").then().statusCode(200)
                        .body("rebuilt", equalTo(true));

                model.assertEqual();
            }
        } finally {
            writing.set(false);
            writer.get();
        }
        for (int i = 0; i < endpoints.size(); i++) { // until every stream is final: published, or removed for good
            Class<? extends DnsEvent> last = i % 3 == 0 ? EndpointDnsRemoved.class : EndpointDnsPublished.class;
            dnsTopic.await(last, endpoints.get(i));
        }
        assertThat(model.assertEqual()).as("endpoints in the store").isGreaterThanOrEqualTo(endpoints.size());
        given().post("/admin/consumers/endpoint-dns/rebuild").then().statusCode(200);
        model.assertEqual();
        await().atMost(PATIENCE).untilAsserted(() -> model.assertServedNamesEqual(servedNames)); // it follows the store
    }

    @Test
    void malformed_or_oversized_ids_and_names_are_400_naming_the_field_and_an_unknown_endpoint_is_404() {
        given().get("/v1/endpoint-dns/vpce-nothex").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("InvalidVpcEndpointId.Malformed")).body("field", equalTo("vpcEndpointId"));
        given().get("/v1/endpoint-dns/vpce-" + "0".repeat(2000)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("InvalidVpcEndpointId.Malformed")).body("field", equalTo("vpcEndpointId"));
        given().get("/v1/endpoint-dns/" + IdFormat.VPC_ENDPOINT.newId()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("InvalidVpcEndpointId.NotFound")).body("field", equalTo("vpcEndpointId"));
        given().get("/v1/dns-records").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MissingParameter")).body("field", equalTo("name"));
        given().queryParam("name", "not a name!").get("/v1/dns-records").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("InvalidParameterValue")).body("field", equalTo("name"));
        given().queryParam("name", "a".repeat(60) + ("." + "b".repeat(60)).repeat(4) + ".vpce.amazonaws.com")
                .get("/v1/dns-records").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("InvalidParameterValue")).body("field", equalTo("name"));

        given().queryParam("name", "nothing.vpce.amazonaws.com").get("/v1/dns-records").then().statusCode(200)
                .contentType(ContentType.JSON).body("size()", equalTo(0));
    }

    @Test
    void other_zones_are_refused_unknown_names_are_NXDOMAIN_and_garbage_never_stops_the_server() throws IOException {
        Scrape before = metrics();
        assertThat(query("example.com", Type.A, false).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(query("vpce-00000000000000000-aaaaaaaa.vpce-svc-00000000000000000.us-east-1.vpce.amazonaws.com",
                Type.A, true).getRcode()).isEqualTo(Rcode.NXDOMAIN);

        try (DatagramSocket udp = new DatagramSocket()) {
            byte[] garbage = {0x12, 0x34, 0x56};
            udp.send(new DatagramPacket(garbage, garbage.length, InetAddress.getLoopbackAddress(), dnsServer.port()));
        }
        try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), dnsServer.port())) {
            tcp.setSoTimeout(5000);
            var out = new DataOutputStream(tcp.getOutputStream());
            out.writeShort(3);
            out.write(new byte[] {0x12, 0x34, 0x56});
            out.flush();
            assertThat(tcp.getInputStream().read()).as("connection closed").isEqualTo(-1);
        }
        assertThat(query("example.com", Type.A, false).getRcode()).isEqualTo(Rcode.REFUSED);
        given().get("/q/health/ready").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> { // the UDP garbage is read on another thread
            Scrape after = metrics();
            assertThat(queries(after, "dnsjava", "REFUSED") - queries(before, "dnsjava", "REFUSED")).isEqualTo(2);
            assertThat(queries(after, "wire", "NXDOMAIN") - queries(before, "wire", "NXDOMAIN")).isEqualTo(1);
            assertThat(queries(after, "dnsjava", "DROPPED") - queries(before, "dnsjava", "DROPPED")).isEqualTo(2);
        });
    }

    static Scrape metrics() {
        return Scrape.of(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    static double queries(Scrape metrics, String path, String answer) {
        return metrics.sum("privet_dns_queries_total", Map.of("path", path, "answer", answer));
    }

    static EndpointNetworkProvisioned provisioned(String endpointId, String serviceId) {
        return new EndpointNetworkProvisioned(endpointId, serviceId, List.of(
                new EndpointInterface(IdFormat.NETWORK_INTERFACE.newId(), IdFormat.SUBNET.newId(), "us-east-1a", "10.0.1.4", null),
                new EndpointInterface(IdFormat.NETWORK_INTERFACE.newId(), IdFormat.SUBNET.newId(), "us-east-1b", "10.0.2.4", null)));
    }

    static void publishInParallel(List<? extends IntegrationEvent> events) {
        CompletableFuture.allOf(events.stream()
                .map(e -> CompletableFuture.runAsync(() -> EventPlayer.publish(e)))
                .toArray(CompletableFuture[]::new)).join();
    }

    Message query(String name, int type, boolean tcp) {
        return DnsQueries.query(dnsServer.port(), name, type, tcp);
    }

    static List<String> addresses(Message response) {
        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        return response.getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
    }

    boolean applied(String reaction, EventEnvelope event) throws SQLException {
        try (var c = dataSource.getConnection();
             var st = c.prepareStatement("select 1 from applied_events where consumer_name = ? and event_id = ?")) {
            st.setString(1, "privet.dns." + reaction);
            st.setObject(2, event.eventId());
            try (var rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    long storedEvents(String streamId) {
        return count("select count(*) from events where stream_id = ?", streamId);
    }

    long allStoredEvents() {
        return count("select count(*) from events");
    }

    private long count(String sql, Object... params) {
        try (var c = dataSource.getConnection(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
