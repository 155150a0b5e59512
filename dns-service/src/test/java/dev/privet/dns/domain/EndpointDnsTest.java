package dev.privet.dns.domain;

import dev.privet.contracts.events.DnsEvent;
import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.contracts.ids.EndpointDnsNames;
import dev.privet.contracts.ids.Region;
import dev.privet.dns.domain.EndpointDnsCommand.PublishNames;
import dev.privet.dns.domain.EndpointDnsCommand.RemoveNames;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointDnsTest {
    static final String ENDPOINT = "vpce-0a1b2c3d4e5f60718";
    static final String SERVICE = "vpce-svc-0123456789abcdef0";
    static final Region REGION = new Region("us-east-1");
    static final EndpointDnsNames NAMES = new EndpointDnsNames(ENDPOINT, "ab12cd34", SERVICE, REGION);
    static final List<EndpointInterface> ENIS = List.of(
            new EndpointInterface("eni-00000000000000001", "subnet-00000000000000001", "us-east-1a", "10.0.1.4"),
            new EndpointInterface("eni-00000000000000002", "subnet-00000000000000002", "us-east-1b", "10.0.2.4"));
    static final PublishNames PUBLISH = new PublishNames(ENDPOINT, SERVICE, ENIS, NAMES, "Z7HUB22UULQXV");
    static final RemoveNames REMOVE = new RemoveNames(ENDPOINT, SERVICE);

    static EndpointDns given(DnsEvent... events) {
        List<EventEnvelope> history = new ArrayList<>();
        for (DnsEvent event : events) {
            history.add(new EventEnvelope(UUID.randomUUID(), ENDPOINT, event.streamType(), history.size() + 1, 1,
                    Instant.now(), EventMetadata.forRequest("111122223333"), event));
        }
        return EndpointDns.from(ENDPOINT, history);
    }

    static EndpointDnsPublished published() {
        return (EndpointDnsPublished) EndpointDns.decide(PUBLISH, EndpointDns.none(ENDPOINT)).getFirst();
    }

    @Nested
    @DisplayName("given no DNS stream")
    class GivenNothing {

        @Test
        @DisplayName("when the network is provisioned, then the regional name and one zonal name per zone are published")
        void publishes() {
            List<DnsEvent> events = EndpointDns.decide(PUBLISH, given());

            assertThat(events).containsExactly(new EndpointDnsPublished(ENDPOINT, SERVICE, List.of(
                    new DnsEntry("vpce-0a1b2c3d4e5f60718-ab12cd34.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com",
                            "Z7HUB22UULQXV"),
                    new DnsEntry("vpce-0a1b2c3d4e5f60718-ab12cd34-us-east-1a.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com",
                            "Z7HUB22UULQXV"),
                    new DnsEntry("vpce-0a1b2c3d4e5f60718-ab12cd34-us-east-1b.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com",
                            "Z7HUB22UULQXV")), ENIS));
        }

        @Test
        @DisplayName("when two interfaces share a zone, then that zone has one zonal name")
        void oneZonalNamePerZone() {
            var sameZone = List.of(ENIS.get(0), new EndpointInterface("eni-00000000000000003",
                    "subnet-00000000000000003", "us-east-1a", "10.0.3.4"));
            var events = EndpointDns.decide(new PublishNames(ENDPOINT, SERVICE, sameZone, NAMES, "Z7HUB22UULQXV"), given());

            assertThat(((EndpointDnsPublished) events.getFirst()).dnsEntries()).hasSize(2);
        }

        @Test
        @DisplayName("when the endpoint is being deleted, then its names are removed (deletion came first)")
        void removesEvenWhenNothingWasPublished() {
            assertThat(EndpointDns.decide(REMOVE, given())).containsExactly(new EndpointDnsRemoved(ENDPOINT, SERVICE));
        }
    }

    @Nested
    @DisplayName("given published names")
    class GivenPublished {

        @Test
        @DisplayName("then the state is published at version 1")
        void state() {
            assertThat(given(published())).isEqualTo(new EndpointDns(ENDPOINT, EndpointDnsStatus.PUBLISHED, 1));
        }

        @Test
        @DisplayName("when the network is provisioned again (redelivery), then nothing new is published")
        void ignoresSecondProvisioning() {
            assertThat(EndpointDns.decide(PUBLISH, given(published()))).isEmpty();
        }

        @Test
        @DisplayName("when the endpoint is being deleted, then its names are removed")
        void removes() {
            assertThat(EndpointDns.decide(REMOVE, given(published())))
                    .containsExactly(new EndpointDnsRemoved(ENDPOINT, SERVICE));
        }
    }

    @Nested
    @DisplayName("given removed names")
    class GivenRemoved {

        @Test
        @DisplayName("when the network is provisioned late, then nothing is published")
        void ignoresLateProvisioning() {
            assertThat(EndpointDns.decide(PUBLISH, given(new EndpointDnsRemoved(ENDPOINT, SERVICE)))).isEmpty();
        }

        @Test
        @DisplayName("when the deletion is requested again, then nothing happens")
        void ignoresSecondRemoval() {
            assertThat(EndpointDns.decide(REMOVE, given(published(), new EndpointDnsRemoved(ENDPOINT, SERVICE))))
                    .isEmpty();
        }

        @Test
        @DisplayName("then the state is removed at the stream's version")
        void state() {
            assertThat(given(published(), new EndpointDnsRemoved(ENDPOINT, SERVICE)))
                    .isEqualTo(new EndpointDns(ENDPOINT, EndpointDnsStatus.REMOVED, 2));
        }
    }
}
