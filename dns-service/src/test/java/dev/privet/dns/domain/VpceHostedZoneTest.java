package dev.privet.dns.domain;

import dev.privet.contracts.ids.Region;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VpceHostedZoneTest {

    @Test
    @DisplayName("us-east-1 uses AWS's own vpce hosted zone id")
    void usEast1() {
        assertThat(VpceHostedZone.of(new Region("us-east-1"))).isEqualTo("Z7HUB22UULQXV");
    }

    @Test
    @DisplayName("another region gets a stable id of the same shape, different per region")
    void otherRegions() {
        String euWest1 = VpceHostedZone.of(new Region("eu-west-1"));

        assertThat(euWest1).matches("Z[A-Z2-7]{13}").isEqualTo(VpceHostedZone.of(new Region("eu-west-1")))
                .isNotEqualTo(VpceHostedZone.of(new Region("eu-west-2")));
    }
}
