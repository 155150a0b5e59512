package dev.privet.dns.domain;

import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressRecordSetTest {

    @Test
    @DisplayName("the regional name answers with every interface, a zonal name with its zone's interface")
    void recordsOfAPublication() {
        EndpointDnsPublished published = EndpointDnsTest.published();

        assertThat(AddressRecordSet.of(published)).extracting(AddressRecordSet::addresses).containsExactly(
                java.util.List.of("10.0.1.4", "10.0.2.4"), java.util.List.of("10.0.1.4"), java.util.List.of("10.0.2.4"));
        assertThat(AddressRecordSet.of(published).get(1).name()).contains("-us-east-1a.");
    }
}
