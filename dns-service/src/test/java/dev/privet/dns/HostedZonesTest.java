package dev.privet.dns;

import dev.privet.dns.server.DnsServer;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HostedZonesTest {
    static final String OWNER = "111111111111";
    static final String OTHER = "222222222222";

    @Inject
    DnsServer dnsServer;
    @Inject
    DataSource dataSource;

    @Test
    void a_providers_zone_serves_its_records_over_UDP_and_TCP_until_they_are_deleted() throws SQLException {
        String zone = unique() + ".example.com";
        String id = create(OWNER, zone, "ref-" + zone).statusCode(201)
                .body("name", equalTo(zone + ".")).body("resourceRecordSetCount", equalTo(2))
                .body("nameServers[0]", equalTo("ns.privet.internal.")).extract().path("id");
        List<Map<String, Object>> changes = List.of(
                change("CREATE", "www." + zone, "A", "192.0.2.10", "192.0.2.11"),
                change("CREATE", "www." + zone, "AAAA", "2001:db8::10"),
                change("CREATE", "api." + zone, "CNAME", "www." + zone),
                change("CREATE", "_privet-verify." + zone, "TXT", "\"vpce:abc123\""),
                change("CREATE", "deep.sub." + zone, "TXT", "\"one\" \"two\""));
        changeBatch(OWNER, id, changes).statusCode(200).body("changeInfo.status", equalTo("INSYNC"));

        for (boolean tcp : List.of(false, true)) {
            assertThat(answers(query("WWW." + zone, Type.A, tcp))).containsExactlyInAnyOrder("192.0.2.10",
                    "192.0.2.11");
            assertThat(answers(query("www." + zone, Type.AAAA, tcp))).containsExactly("2001:db8:0:0:0:0:0:10");
            Message viaCname = query("api." + zone, Type.A, tcp);
            assertThat(answers(viaCname)).containsExactly("www." + zone + ".", "192.0.2.10", "192.0.2.11");
            Message txt = query("_privet-verify." + zone, Type.TXT, tcp);
            assertThat(((TXTRecord) txt.getSection(Section.ANSWER).getFirst()).getStrings())
                    .containsExactly("vpce:abc123");
            assertThat(((TXTRecord) query("deep.sub." + zone, Type.TXT, tcp).getSection(Section.ANSWER).getFirst())
                    .getStrings()).containsExactly("one", "two");
            assertThat(query(zone, Type.SOA, tcp).getSection(Section.ANSWER)).hasSize(1);
            assertThat(answers(query(zone, Type.NS, tcp))).containsExactly("ns.privet.internal.");
            Message nxdomain = query("nothing." + zone, Type.A, tcp);
            assertThat(nxdomain.getRcode()).isEqualTo(Rcode.NXDOMAIN);
            assertThat(nxdomain.getSection(Section.AUTHORITY).getFirst().getName().toString()).isEqualTo(zone + ".");
            Message nodata = query("www." + zone, Type.TXT, tcp);
            assertThat(nodata.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(nodata.getSection(Section.ANSWER)).isEmpty();
            assertThat(nodata.getSection(Section.AUTHORITY).getFirst().getType()).isEqualTo(Type.SOA);
            Message emptyNonTerminal = query("sub." + zone, Type.A, tcp);
            assertThat(emptyNonTerminal.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(query("elsewhere.example.org", Type.A, tcp).getRcode()).isEqualTo(Rcode.REFUSED);
        }
        given().header("X-Privet-Account", OWNER).get("/v1/hosted-zones/" + id).then().statusCode(200)
                .body("resourceRecordSetCount", equalTo(7));
        given().header("X-Privet-Account", OWNER).queryParam("maxItems", 3)
                .get("/v1/hosted-zones/" + id + "/rrsets").then().statusCode(200)
                .body("resourceRecordSets.type", equalTo(List.of("NS", "SOA", "TXT")))
                .body("resourceRecordSets[2].name", equalTo("_privet-verify." + zone + "."))
                .body("isTruncated", equalTo(true)).body("nextRecordName", equalTo("api." + zone + "."))
                .body("nextRecordType", equalTo("CNAME"));
        given().header("X-Privet-Account", OWNER).queryParam("name", "api." + zone).queryParam("type", "CNAME")
                .get("/v1/hosted-zones/" + id + "/rrsets").then().statusCode(200)
                .body("resourceRecordSets.name", equalTo(List.of("api." + zone + ".", "deep.sub." + zone + ".",
                        "www." + zone + ".", "www." + zone + ".")))
                .body("isTruncated", equalTo(false));

        // a bad batch changes nothing, and names the change at fault
        long events = events(id);
        changeBatch(OWNER, id, List.of(change("DELETE", "www." + zone, "AAAA", "2001:db8::10"),
                change("CREATE", "www." + zone, "CNAME", "x.example.net"))).statusCode(400)
                .body("code", equalTo("InvalidChangeBatch")).body("field", equalTo("changes[1]"));
        changeBatch(OWNER, id, List.of(change("CREATE", "x.example.org", "A", "192.0.2.1"))).statusCode(400)
                .body("field", equalTo("changes[0].resourceRecordSet.name"));
        changeBatch(OWNER, id, List.of(change("UPSERT", "x." + zone, "A", "300.0.0.1"))).statusCode(400)
                .body("field", equalTo("changes[0].resourceRecordSet.resourceRecords[0].value"));
        assertThat(events(id)).isEqualTo(events);
        assertThat(answers(query("www." + zone, Type.AAAA, false))).containsExactly("2001:db8:0:0:0:0:0:10");

        // the inline read model rebuilt from the store lists the same
        String before = listing(id);
        given().post("/admin/consumers/hosted-zones/rebuild").then().statusCode(200);
        assertThat(listing(id)).isEqualTo(before);

        given().header("X-Privet-Account", OWNER).delete("/v1/hosted-zones/" + id).then().statusCode(409)
                .body("code", equalTo("HostedZoneNotEmpty"));
        changeBatch(OWNER, id, List.of(change("DELETE", "_privet-verify." + zone, "TXT", "\"vpce:abc123\""),
                change("DELETE", "api." + zone, "CNAME", "www." + zone + "."))).statusCode(200);
        assertThat(query("_privet-verify." + zone, Type.TXT, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(query("api." + zone, Type.A, true).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        changeBatch(OWNER, id, List.of(change("DELETE", "www." + zone, "A", "192.0.2.11", "192.0.2.10"),
                change("DELETE", "www." + zone, "AAAA", "2001:db8::10"),
                change("DELETE", "deep.sub." + zone, "TXT", "\"one\" \"two\""))).statusCode(200);
        given().header("X-Privet-Account", OWNER).delete("/v1/hosted-zones/" + id).then().statusCode(204);
        assertThat(query(zone, Type.SOA, false).getRcode()).isEqualTo(Rcode.REFUSED);
        given().header("X-Privet-Account", OWNER).get("/v1/hosted-zones/" + id).then().statusCode(404);
        given().header("X-Privet-Account", OWNER).get("/v1/hosted-zones/" + id + "/history").then().statusCode(404);

        // the deleted zone's caller reference stays taken, also in a read model rebuilt from the store
        given().post("/admin/consumers/hosted-zones/rebuild").then().statusCode(200);
        create(OWNER, zone, "ref-" + zone).statusCode(409).body("code", equalTo("HostedZoneAlreadyExists"))
                .body("field", equalTo("callerReference"));
    }

    @Test
    void creates_are_idempotent_by_caller_reference_names_are_unique_and_zones_are_the_owners_alone() {
        String zone = unique() + ".example.net";
        String id = create(OWNER, zone, "ref-1").statusCode(201).extract().path("id");
        assertThat(id).matches("Z[A-Z2-7]{13}");
        create(OWNER, zone.toUpperCase() + ".", "ref-1").statusCode(201).body("id", equalTo(id));
        create(OWNER, "other-" + zone, "ref-1").statusCode(409).body("code", equalTo("HostedZoneAlreadyExists"))
                .body("field", equalTo("callerReference"));
        create(OTHER, zone, "ref-1").statusCode(409).body("code", equalTo("ConflictingDomainExists"))
                .body("field", equalTo("name"));
        create(OTHER, "sub." + zone, "ref-2").statusCode(409).body("code", equalTo("ConflictingDomainExists"));
        create(OTHER, "vpce.amazonaws.com", "ref-3").statusCode(400).body("code", equalTo("InvalidDomainName"))
                .body("field", equalTo("name"));
        create(OTHER, "bad..name", "ref-4").statusCode(400).body("code", equalTo("InvalidDomainName"));
        create(OTHER, "x" + zone, null).statusCode(400).body("field", equalTo("callerReference"));

        given().header("X-Privet-Account", OTHER).get("/v1/hosted-zones/" + id).then().statusCode(404)
                .body("code", equalTo("NoSuchHostedZone"));
        changeBatch(OTHER, id, List.of(change("CREATE", "a." + zone, "A", "192.0.2.1"))).statusCode(404);
        given().header("X-Privet-Account", OTHER).delete("/v1/hosted-zones/" + id).then().statusCode(404);
        given().header("X-Privet-Account", OTHER).get("/v1/hosted-zones").then().statusCode(200)
                .body("findAll { it.id == '" + id + "' }", hasSize(0));
        given().header("X-Privet-Account", OWNER).get("/v1/hosted-zones").then().statusCode(200)
                .body("findAll { it.id == '" + id + "' }", hasSize(1));
        given().header("X-Privet-Account", OWNER).get("/v1/hosted-zones/" + id + "/history").then().statusCode(200)
                .body("eventType", equalTo(List.of("HostedZoneCreated"))).body("[0].principal", equalTo("arn:aws:iam::" + OWNER + ":root"));
    }

    static ValidatableResponse create(String account, String name, String callerReference) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        body.put("callerReference", callerReference);
        return given().header("X-Privet-Account", account).contentType(ContentType.JSON).body(body)
                .post("/v1/hosted-zones").then();
    }

    static ValidatableResponse changeBatch(String account, String id, List<Map<String, Object>> changes) {
        return given().header("X-Privet-Account", account).contentType(ContentType.JSON)
                .body(Map.of("changes", changes)).post("/v1/hosted-zones/" + id + "/rrsets").then();
    }

    static Map<String, Object> change(String action, String name, String type, String... values) {
        return Map.of("action", action, "resourceRecordSet", Map.of("name", name, "type", type, "ttl", 300,
                "resourceRecords", List.of(values).stream().map(v -> Map.of("value", v)).toList()));
    }

    static String listing(String id) {
        return given().header("X-Privet-Account", OWNER).get("/v1/hosted-zones/" + id + "/rrsets").then()
                .statusCode(200).extract().asString();
    }

    Message query(String name, int type, boolean tcp) {
        return DnsQueries.query(dnsServer.port(), name, type, tcp);
    }

    static List<String> answers(Message response) {
        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        return response.getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
    }

    long events(String streamId) throws SQLException {
        try (var c = dataSource.getConnection();
             var st = c.prepareStatement("select count(*) from events where stream_id = ?")) {
            st.setString(1, streamId);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String unique() {
        return "z" + UUID.randomUUID().toString().substring(0, 8);
    }
}
