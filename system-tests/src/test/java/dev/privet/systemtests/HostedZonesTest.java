package dev.privet.systemtests;

import dev.privet.cluster.LocalCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xbill.DNS.Rcode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A provider's public hosted zone through the whole cluster: made through the gateway, its records answered by
 * dns-service's server over the DNS protocol as they change (the TXT record is what a private DNS name's verification
 * looks up), and a name in no zone Privet serves refused. On the {@link SharedCluster}, in an account of its own and
 * a domain no other test uses.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@ExtendWith(SharedCluster.class)
class HostedZonesTest {
    static final String PROVIDER = "919191919191";
    /** The DNS server follows the event store from memory: a change shows within moments, not at once. */
    static final Duration PUBLISHED = Duration.ofSeconds(20);

    static LocalCluster cluster;
    static GatewayJson gateway;

    @BeforeAll
    static void useSharedCluster(LocalCluster shared) {
        cluster = shared;
        gateway = new GatewayJson(cluster.gatewayUrl());
    }

    @Test
    void a_zones_records_resolve_as_they_change_and_a_name_in_no_zone_is_refused() throws Exception {
        String domain = "systest-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String zone = gateway.create(PROVIDER, "/v1/hosted-zones", Map.of("name", domain,
                "callerReference", "hosted-zones-test-" + domain), "id");

        change(zone, change("CREATE", "api." + domain, "A", "10.1.2.3"),
                change("CREATE", "_privet-verify." + domain, "TXT", "\"token-of-the-provider\""));

        await().atMost(PUBLISHED).untilAsserted(() -> assertThat(ClusterDns.resolve(cluster, "api." + domain))
                .containsExactly("10.1.2.3"));
        assertThat(ClusterDns.resolve(cluster, "API." + domain.toUpperCase())).containsExactly("10.1.2.3");
        await().atMost(PUBLISHED).untilAsserted(() -> assertThat(ClusterDns.txt(cluster, "_privet-verify." + domain))
                .containsExactly("token-of-the-provider"));

        change(zone, change("UPSERT", "api." + domain, "A", "10.1.2.4"));
        await().atMost(PUBLISHED).untilAsserted(() -> assertThat(ClusterDns.resolve(cluster, "api." + domain))
                .containsExactly("10.1.2.4"));

        change(zone, change("DELETE", "api." + domain, "A", "10.1.2.4"));
        await().atMost(PUBLISHED).until(() -> ClusterDns.isMissing(cluster, "api." + domain));
        assertThat(ClusterDns.rcode(cluster, "www.not-served-by-privet.example")).isEqualTo(Rcode.REFUSED);
    }

    @SafeVarargs
    private static void change(String zone, Map<String, Object>... changes) {
        gateway.as(PROVIDER).body(Map.of("changes", List.of(changes))).post("/v1/hosted-zones/" + zone + "/rrsets")
                .then().statusCode(200);
    }

    private static Map<String, Object> change(String action, String name, String type, String value) {
        return Map.of("action", action, "resourceRecordSet", Map.of("name", name, "type", type, "ttl", 60,
                "resourceRecords", List.of(Map.of("value", value))));
    }
}
