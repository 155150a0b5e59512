package dev.privet.dns.domain;

import dev.privet.contracts.events.DnsEvent;
import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.contracts.ids.EndpointDnsNames;
import dev.privet.contracts.ids.Region;
import dev.privet.dns.domain.EndpointDns.Initial;
import dev.privet.dns.domain.EndpointDns.Published;
import dev.privet.dns.domain.EndpointDns.Removed;
import dev.privet.dns.domain.EndpointDnsCommand.PublishNames;
import dev.privet.dns.domain.EndpointDnsCommand.RemoveNames;
import dev.privet.dns.domain.EndpointDnsCommand.RepublishNames;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.privet.dns.domain.EndpointDnsDecider.DECIDER;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of an endpoint's names: given the events of its stream, when a command, then the events it decides. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EndpointDnsTest {
    static final String ENDPOINT = "vpce-0a1b2c3d4e5f60718";
    static final String SERVICE = "vpce-svc-0123456789abcdef0";
    static final String ZONE_ID = "Z7HUB22UULQXV";
    static final Region REGION = new Region("us-east-1");
    static final EndpointDnsNames NAMES = new EndpointDnsNames(ENDPOINT, "ab12cd34", SERVICE, REGION);
    static final List<EndpointInterface> ENIS = List.of(
            new EndpointInterface("eni-00000000000000001", "subnet-00000000000000001", "us-east-1a", "10.0.1.4", null),
            new EndpointInterface("eni-00000000000000002", "subnet-00000000000000002", "us-east-1b", "10.0.2.4", null));
    static final PublishNames PUBLISH = new PublishNames(ENDPOINT, SERVICE, ENIS, NAMES, ZONE_ID);
    static final RemoveNames REMOVE = new RemoveNames(ENDPOINT, SERVICE);
    static final EndpointDnsRemoved REMOVED = new EndpointDnsRemoved(ENDPOINT, SERVICE);

    /** The state of a stream holding {@code history}, folded as the runner folds it. */
    static EndpointDns given(DnsEvent... history) {
        EndpointDns state = DECIDER.initialState();
        for (DnsEvent event : history) {
            state = DECIDER.evolve(state, event, Instant.now());
        }
        return state;
    }

    static List<DnsEvent> when(EndpointDnsCommand command, EndpointDns state) {
        return DECIDER.decide(command, state);
    }

    /** The publication of {@link #PUBLISH} on a new stream. */
    static EndpointDnsPublished published() {
        return (EndpointDnsPublished) when(PUBLISH, given()).getFirst();
    }

    @Nested
    class Given_no_DNS_stream {

        @Test
        void then_the_state_is_the_initial_one_which_is_not_terminal() {
            assertThat(given()).isEqualTo(new Initial());
            assertThat(DECIDER.isTerminal(given())).isFalse();
        }

        @Test
        void when_the_network_is_provisioned_then_the_regional_name_and_one_zonal_name_per_zone_are_published() {
            List<DnsEvent> events = when(PUBLISH, given());

            assertThat(events).containsExactly(new EndpointDnsPublished(ENDPOINT, SERVICE, List.of(
                    new DnsEntry("vpce-0a1b2c3d4e5f60718-ab12cd34.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com",
                            ZONE_ID),
                    new DnsEntry("vpce-0a1b2c3d4e5f60718-ab12cd34-us-east-1a.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com",
                            ZONE_ID),
                    new DnsEntry("vpce-0a1b2c3d4e5f60718-ab12cd34-us-east-1b.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com",
                            ZONE_ID)), ENIS));
        }

        @Test
        void when_two_interfaces_share_a_zone_then_that_zone_has_one_zonal_name() {
            var sameZone = List.of(ENIS.get(0), new EndpointInterface("eni-00000000000000003",
                    "subnet-00000000000000003", "us-east-1a", "10.0.3.4", null));

            var events = when(new PublishNames(ENDPOINT, SERVICE, sameZone, NAMES, ZONE_ID), given());

            assertThat(((EndpointDnsPublished) events.getFirst()).dnsEntries()).hasSize(2);
        }

        @Test
        void when_the_endpoint_is_being_deleted_then_its_names_are_removed_the_deletion_came_first() {
            assertThat(when(REMOVE, given())).containsExactly(REMOVED);
        }
    }

    @Nested
    class Given_published_names {

        @Test
        void then_the_state_is_published_with_the_names() {
            assertThat(given(published())).isEqualTo(new Published(SERVICE, published().dnsEntries()));
            assertThat(DECIDER.isTerminal(given(published()))).isFalse();
        }

        @Test
        void when_the_network_is_provisioned_again_redelivery_then_nothing_new_is_published() {
            assertThat(when(PUBLISH, given(published()))).isEmpty();
        }

        @Test
        void when_the_endpoint_is_being_deleted_then_its_names_are_removed() {
            assertThat(when(REMOVE, given(published()))).containsExactly(REMOVED);
        }

        @Test
        void when_its_subnets_change_then_the_same_names_are_published_again_with_the_zones_of_the_new_interfaces() {
            var moved = List.of(ENIS.get(1), new EndpointInterface("eni-00000000000000003",
                    "subnet-00000000000000003", "us-east-1c", "10.0.3.4", null));

            List<DnsEvent> events = when(new RepublishNames(ENDPOINT, SERVICE, moved, ZONE_ID), given(published()));

            assertThat(events).containsExactly(new EndpointDnsPublished(ENDPOINT, SERVICE, List.of(
                    new DnsEntry(NAMES.regional(), ZONE_ID), new DnsEntry(NAMES.zonal("us-east-1b"), ZONE_ID),
                    new DnsEntry(NAMES.zonal("us-east-1c"), ZONE_ID)), moved));
        }
    }

    @Nested
    class Given_removed_names {

        @Test
        void then_the_state_is_removed_and_terminal_the_runner_decides_nothing_more_on_it() {
            assertThat(given(published(), REMOVED)).isEqualTo(new Removed(SERVICE));
            assertThat(DECIDER.isTerminal(given(REMOVED))).isTrue();
        }

        @Test
        void when_the_network_is_provisioned_late_then_nothing_is_published() {
            assertThat(when(PUBLISH, given(REMOVED))).isEmpty();
        }

        @Test
        void when_a_change_of_subnets_arrives_after_the_deletion_or_before_any_names_then_nothing_is_published() {
            var change = new RepublishNames(ENDPOINT, SERVICE, ENIS, ZONE_ID);
            assertThat(when(change, given(published(), REMOVED))).isEmpty();
            assertThat(when(change, given())).isEmpty();
        }

        @Test
        void when_the_deletion_is_requested_again_then_nothing_happens() {
            assertThat(when(REMOVE, given(published(), REMOVED))).isEmpty();
        }
    }
}
