package dev.privet.dns.zone;

import dev.privet.dns.domain.AnsweredAddress;
import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.Values.DnsEntry;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.privet.dns.zone.Publications.SERVICE;
import static dev.privet.dns.zone.Publications.eni;
import static dev.privet.dns.zone.Publications.envelope;
import static dev.privet.dns.zone.Publications.published;
import static dev.privet.dns.zone.Publications.regional;
import static dev.privet.dns.zone.Publications.zonal;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServedNamesTest {
    final ServedNames names = new ServedNames(AnsweredAddress.DATA_PLANE);

    @Test
    void a_publication_serves_the_regional_name_with_every_address_and_each_zonal_name_with_its_zone() {
        names.apply(envelope(published("vpce-00000000000000001", "10.0.2.4", "10.0.1.4")));

        assertThat(names.find(regional("vpce-00000000000000001")).orElseThrow().texts())
                .containsExactly("10.0.1.4", "10.0.2.4");
        assertThat(names.find(zonal("vpce-00000000000000001", "us-east-1a")).orElseThrow().texts())
                .containsExactly("10.0.2.4");
        assertThat(names.find(zonal("vpce-00000000000000001", "us-east-1b")).orElseThrow().texts())
                .containsExactly("10.0.1.4");
        assertThat(names.size()).isEqualTo(3);
    }

    @Test
    void a_removal_takes_every_name_away_and_a_second_removal_changes_nothing() {
        names.apply(envelope(published("vpce-00000000000000001", "10.0.1.4", "10.0.2.4")));
        names.apply(envelope(new EndpointDnsRemoved("vpce-00000000000000001", SERVICE)));
        names.apply(envelope(new EndpointDnsRemoved("vpce-00000000000000001", SERVICE)));

        assertThat(names.find(regional("vpce-00000000000000001"))).isEmpty();
        assertThat(names.size()).isZero();
    }

    @Test
    void a_later_publication_replaces_what_the_endpoint_held() {
        names.apply(envelope(published("vpce-00000000000000001", "10.0.1.4", "10.0.2.4")));
        names.apply(envelope(published("vpce-00000000000000001", "10.0.1.9")));

        assertThat(names.find(regional("vpce-00000000000000001")).orElseThrow().texts()).containsExactly("10.0.1.9");
        assertThat(names.find(zonal("vpce-00000000000000001", "us-east-1b"))).as("its zone has no interface now")
                .isEmpty();
    }

    @Test
    void an_address_another_endpoint_publishes_under_the_same_name_moves_to_it_and_stays_when_the_first_goes() {
        var first = new EndpointDnsPublished("vpce-00000000000000001", SERVICE,
                List.of(new DnsEntry("shared.vpce.amazonaws.com", "Z7HUB22UULQXV")),
                List.of(eni("us-east-1a", "10.0.1.4"), eni("us-east-1a", "10.0.1.5")));
        var second = new EndpointDnsPublished("vpce-00000000000000002", SERVICE,
                List.of(new DnsEntry("Shared.vpce.amazonaws.com", "Z7HUB22UULQXV")), List.of(eni("us-east-1a", "10.0.1.5")));
        names.apply(envelope(first));
        names.apply(envelope(second));

        NameRecords shared = names.find("shared.vpce.amazonaws.com").orElseThrow();
        assertThat(shared.textsOf("vpce-00000000000000001")).containsExactly("10.0.1.4");
        assertThat(shared.textsOf("vpce-00000000000000002")).containsExactly("10.0.1.5");

        names.apply(envelope(new EndpointDnsRemoved("vpce-00000000000000001", SERVICE)));
        assertThat(names.find("shared.vpce.amazonaws.com").orElseThrow().texts()).containsExactly("10.0.1.5");
    }

    @Test
    void replaying_the_same_events_gives_the_same_names() {
        Random random = new Random(7);
        List<EventEnvelope> log = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String endpoint = String.format("vpce-%017x", random.nextInt(40));
            log.add(envelope(random.nextInt(4) == 0 ? new EndpointDnsRemoved(endpoint, SERVICE)
                    : published(endpoint, "10.0.1." + random.nextInt(8), "10.0.2." + random.nextInt(8))));
        }
        log.forEach(names::apply);
        ServedNames replayed = new ServedNames(AnsweredAddress.DATA_PLANE);
        log.forEach(replayed::apply);

        assertThat(replayed.all()).isEqualTo(names.all()).isNotEmpty();
    }
}
