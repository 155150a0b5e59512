package dev.privet.dns.domain;

import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AddressRecordSetTest {

    @Test
    void the_regional_name_answers_with_every_interface_a_zonal_name_with_its_zones_interface() {
        EndpointDnsPublished published = EndpointDnsTest.published();

        assertThat(AddressRecordSet.of(published)).extracting(AddressRecordSet::addresses).containsExactly(
                List.of("10.0.1.4", "10.0.2.4"), List.of("10.0.1.4"), List.of("10.0.2.4"));
        assertThat(AddressRecordSet.of(published).get(1).name()).contains("-us-east-1a.");
    }
}
