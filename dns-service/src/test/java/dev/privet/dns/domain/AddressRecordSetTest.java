package dev.privet.dns.domain;

import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.Values.EndpointInterface;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AddressRecordSetTest {

    /** The interfaces of {@link EndpointDnsTest#published()}, as the data plane records them. */
    static EndpointDnsPublished withDataPlane() {
        EndpointDnsPublished published = EndpointDnsTest.published();
        List<EndpointInterface> interfaces = published.networkInterfaces().stream()
                .map(eni -> new EndpointInterface(eni.networkInterfaceId(), eni.subnetId(), eni.availabilityZone(),
                        eni.privateIpAddress(), "127.100.0." + eni.privateIpAddress().split("\\.")[2]))
                .toList();
        return new EndpointDnsPublished(published.vpcEndpointId(), published.serviceId(), published.dnsEntries(),
                interfaces);
    }

    @Test
    void the_regional_name_answers_with_every_interface_a_zonal_name_with_its_zones_interface() {
        List<AddressRecordSet> sets = AddressRecordSet.of(withDataPlane(), AnsweredAddress.DATA_PLANE);

        assertThat(sets).extracting(AddressRecordSet::addresses).containsExactly(
                List.of("127.100.0.1", "127.100.0.2"), List.of("127.100.0.1"), List.of("127.100.0.2"));
        assertThat(sets.get(1).name()).contains("-us-east-1a.");
    }

    @Test
    void names_answer_with_the_private_ips_when_so_configured() {
        assertThat(AddressRecordSet.of(withDataPlane(), AnsweredAddress.PRIVATE_IP))
                .extracting(AddressRecordSet::addresses)
                .containsExactly(List.of("10.0.1.4", "10.0.2.4"), List.of("10.0.1.4"), List.of("10.0.2.4"));
    }

    @Test
    void interfaces_recorded_before_the_data_plane_answer_with_their_private_ips() {
        assertThat(AddressRecordSet.of(EndpointDnsTest.published(), AnsweredAddress.DATA_PLANE))
                .extracting(AddressRecordSet::addresses)
                .containsExactly(List.of("10.0.1.4", "10.0.2.4"), List.of("10.0.1.4"), List.of("10.0.2.4"));
    }
}
