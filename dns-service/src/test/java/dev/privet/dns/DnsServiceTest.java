package dev.privet.dns;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeletionRequested;
import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkProvisioned;
import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.dns.server.DnsServer;
import dev.privet.runtime.EventRuntime;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import javax.sql.DataSource;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
class DnsServiceTest {
    static final String NAME_PATTERN =
            "vpce-[0-9a-f]{17}-[a-z0-9]{8}(-us-east-1[ab])?\\.vpce-svc-[0-9a-f]{17}\\.us-east-1\\.vpce\\.amazonaws\\.com";
    static DnsTopic dnsTopic;

    @Inject
    DnsServer dnsServer;
    @Inject
    EventRuntime eventRuntime;
    @Inject
    DataSource dataSource;

    @BeforeAll
    static void readDnsTopic() {
        dnsTopic = new DnsTopic();
    }

    @AfterAll
    static void stopReading() {
        dnsTopic.close();
    }

    @Test
    @DisplayName("a provisioned endpoint gets AWS-style names that resolve over UDP and TCP, until it is deleted")
    void publishesResolvesAndRemoves() throws IOException {
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
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(query(regional, Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN));
        assertThat(query(zonalA, Type.A, true).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        given().get("/v1/endpoint-dns/" + endpointId).then().statusCode(200)
                .body("state", equalTo("removed")).body("records", equalTo(List.of()));
    }

    @Test
    @DisplayName("a deletion that arrives before the provisioning removes the names; the late provisioning is ignored")
    void deletionBeforeProvisioning() throws SQLException {
        String endpointId = IdFormat.VPC_ENDPOINT.newId();
        String serviceId = IdFormat.ENDPOINT_SERVICE.newId();

        EventPlayer.publish(new VpcEndpointDeletionRequested(endpointId, serviceId));
        dnsTopic.await(EndpointDnsRemoved.class, endpointId);
        EventPlayer.publish(provisioned(endpointId, serviceId));

        assertThat(eventRuntime.awaitCaughtUp("publish-names")).isTrue();
        assertThat(storedEvents(endpointId)).isEqualTo(1);
        assertThat(dnsTopic.eventsOf(endpointId)).containsExactly(new EndpointDnsRemoved(endpointId, serviceId));
        given().get("/v1/endpoint-dns/" + endpointId).then().statusCode(200)
                .body("state", equalTo("removed")).body("dnsEntries", equalTo(List.of()))
                .body("records", equalTo(List.of()));
    }

    @Test
    @DisplayName("a rebuilt read model answers the same over HTTP and DNS")
    void rebuild() throws IOException {
        String endpointId = IdFormat.VPC_ENDPOINT.newId();
        EventPlayer.publish(provisioned(endpointId, IdFormat.ENDPOINT_SERVICE.newId()));
        String regional = dnsTopic.await(EndpointDnsPublished.class, endpointId).dnsEntries().getFirst().dnsName();
        String before = given().get("/v1/endpoint-dns/" + endpointId).then().statusCode(200).extract().asString();

        given().post("/admin/consumers/dns-records/rebuild").then().statusCode(200)
                .body("rebuilt", equalTo(true)).body("caughtUp", equalTo(true));

        assertThat(given().get("/v1/endpoint-dns/" + endpointId).then().statusCode(200).extract().asString())
                .isEqualTo(before);
        assertThat(addresses(query(regional, Type.A, false))).containsExactlyInAnyOrder("10.0.1.4", "10.0.2.4");
    }

    @Test
    @DisplayName("malformed ids and names are 400 problem+json naming the field; an unknown endpoint is 404")
    void badInput() {
        given().get("/v1/endpoint-dns/vpce-nothex").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("InvalidParameterValue")).body("field", equalTo("vpcEndpointId"));
        given().get("/v1/endpoint-dns/" + IdFormat.VPC_ENDPOINT.newId()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("InvalidVpcEndpointId.NotFound")).body("field", equalTo("vpcEndpointId"));
        given().get("/v1/dns-records").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MissingParameter")).body("field", equalTo("name"));
        given().queryParam("name", "not a name!").get("/v1/dns-records").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("InvalidParameterValue")).body("field", equalTo("name"));
        given().queryParam("name", "nothing.vpce.amazonaws.com").get("/v1/dns-records").then().statusCode(200)
                .contentType(ContentType.JSON).body("size()", equalTo(0));
    }

    @Test
    @DisplayName("other zones are refused, unknown names are NXDOMAIN, garbage never stops the server")
    void dnsEdges() throws IOException {
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
    }

    static EndpointNetworkProvisioned provisioned(String endpointId, String serviceId) {
        return new EndpointNetworkProvisioned(endpointId, serviceId, List.of(
                new EndpointInterface(IdFormat.NETWORK_INTERFACE.newId(), IdFormat.SUBNET.newId(), "us-east-1a", "10.0.1.4"),
                new EndpointInterface(IdFormat.NETWORK_INTERFACE.newId(), IdFormat.SUBNET.newId(), "us-east-1b", "10.0.2.4")));
    }

    Message query(String name, int type, boolean tcp) throws IOException {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), dnsServer.port()));
        resolver.setTCP(tcp);
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name + "."), type, DClass.IN)));
    }

    static List<String> addresses(Message response) {
        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        return response.getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
    }

    long storedEvents(String streamId) throws SQLException {
        try (var c = dataSource.getConnection();
             var st = c.prepareStatement("select count(*) from events where stream_id = ?")) {
            st.setString(1, streamId);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
