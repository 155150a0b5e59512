package dev.privet.dns.domain;

import dev.privet.contracts.ids.Region;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VpceHostedZoneTest {

    @Test
    void us_east_1_uses_AWSs_own_vpce_hosted_zone_id() {
        assertThat(VpceHostedZone.of(new Region("us-east-1"))).isEqualTo("Z7HUB22UULQXV");
    }

    @Test
    void another_region_gets_a_stable_id_of_the_same_shape_different_per_region() {
        String euWest1 = VpceHostedZone.of(new Region("eu-west-1"));

        assertThat(euWest1).matches("Z[A-Z2-7]{13}").isEqualTo(VpceHostedZone.of(new Region("eu-west-1")))
                .isNotEqualTo(VpceHostedZone.of(new Region("eu-west-2")));
    }
}
