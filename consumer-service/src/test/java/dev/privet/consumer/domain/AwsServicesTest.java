package dev.privet.consumer.domain;

import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.ids.Region;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("AWS's own services in the catalog")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AwsServicesTest {
    static final AwsServices US_EAST_1 = new AwsServices(Region.DEFAULT);

    @Test
    void are_the_documented_ones_named_for_the_region_by_name_then_type() {
        assertThat(US_EAST_1.all()).extracting(s -> s.serviceName() + " " + s.serviceType()).containsExactly(
                "com.amazonaws.us-east-1.dynamodb Gateway",
                "com.amazonaws.us-east-1.ec2 Interface",
                "com.amazonaws.us-east-1.ecr.api Interface",
                "com.amazonaws.us-east-1.ecr.dkr Interface",
                "com.amazonaws.us-east-1.elasticloadbalancing Interface",
                "com.amazonaws.us-east-1.execute-api Interface",
                "com.amazonaws.us-east-1.kms Interface",
                "com.amazonaws.us-east-1.logs Interface",
                "com.amazonaws.us-east-1.s3 Gateway",
                "com.amazonaws.us-east-1.s3 Interface",
                "com.amazonaws.us-east-1.secretsmanager Interface",
                "com.amazonaws.us-east-1.sns Interface",
                "com.amazonaws.us-east-1.sqs Interface",
                "com.amazonaws.us-east-1.ssm Interface",
                "com.amazonaws.us-east-1.sts Interface");
        assertThat(new AwsServices(new Region("eu-west-1")).named("com.amazonaws.eu-west-1.kms"))
                .singleElement().satisfies(kms -> assertThat(kms.serviceRegion()).isEqualTo("eu-west-1"));
    }

    @Test
    void s3_is_offered_as_both_types_under_one_name_with_two_ids() {
        List<ServiceDetail> s3 = US_EAST_1.named("com.amazonaws.us-east-1.s3");

        assertThat(s3).extracting(ServiceDetail::serviceType).containsExactly("Gateway", "Interface");
        assertThat(s3).extracting(ServiceDetail::serviceId).doesNotHaveDuplicates();
        assertThat(US_EAST_1.has("com.amazonaws.us-east-1.s3")).isTrue();
        assertThat(US_EAST_1.has("com.amazonaws.us-east-1.nope")).isFalse();
        assertThat(US_EAST_1.named("com.amazonaws.eu-west-1.s3")).as("another region's").isEmpty();
    }

    @Test
    void a_name_is_shaped_like_theirs_in_any_region_and_a_providers_is_not() {
        assertThat(AwsServices.isNamedLikeOne("com.amazonaws.eu-west-1.s3")).isTrue();
        assertThat(AwsServices.isNamedLikeOne("com.amazonaws.us-east-1.ecr.dkr")).isTrue();
        assertThat(AwsServices.isNamedLikeOne("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0")).isFalse();
        assertThat(AwsServices.isNamedLikeOne("com.amazonaws.us-east-1")).isFalse();
        assertThat(AwsServices.isNamedLikeOne("com.example.us-east-1.s3")).isFalse();
    }

    @Test
    void their_ids_are_endpoint_service_ids_distinct_and_the_same_every_time() {
        assertThat(US_EAST_1.all())
                .allSatisfy(s -> assertThat(IdFormat.ENDPOINT_SERVICE.matches(s.serviceId())).isTrue())
                .extracting(ServiceDetail::serviceId).doesNotHaveDuplicates()
                .containsExactlyElementsOf(new AwsServices(Region.DEFAULT).all().stream()
                        .map(ServiceDetail::serviceId).toList());
        assertThat(new AwsServices(new Region("eu-west-1")).all()).extracting(ServiceDetail::serviceId)
                .as("another region's services are other services").doesNotContainAnyElementsOf(
                        US_EAST_1.all().stream().map(ServiceDetail::serviceId).toList());
    }

    @Nested
    class are_detailed_as_AWS_details_them {

        @Test
        void an_Interface_service_with_its_vpce_name_and_a_verified_private_DNS_name() {
            assertThat(US_EAST_1.named("com.amazonaws.us-east-1.kms")).singleElement().satisfies(kms -> {
                assertThat(kms.owner()).isEqualTo("amazon");
                assertThat(kms.serviceState()).isEqualTo("Available");
                assertThat(kms.availabilityZones()).isEqualTo(Region.DEFAULT.zones());
                assertThat(kms.baseEndpointDnsNames()).containsExactly("kms.us-east-1.vpce.amazonaws.com");
                assertThat(kms.privateDnsName()).contains("kms.us-east-1.amazonaws.com");
                assertThat(kms.privateDnsNameVerificationState()).contains("verified");
                assertThat(kms.vpcEndpointPolicySupported()).isTrue();
                assertThat(kms.acceptanceRequired()).isFalse();
                assertThat(kms.managesVpcEndpoints()).isFalse();
                assertThat(kms.payerResponsibility()).isEqualTo("ServiceOwner");
                assertThat(kms.supportedIpAddressTypes()).containsExactly("ipv4");
            });
        }

        @Test
        void a_Gateway_service_with_its_regional_name_and_no_private_DNS_name() {
            assertThat(US_EAST_1.named("com.amazonaws.us-east-1.dynamodb")).singleElement().satisfies(dynamodb -> {
                assertThat(dynamodb.baseEndpointDnsNames()).containsExactly("dynamodb.us-east-1.amazonaws.com");
                assertThat(dynamodb.privateDnsName()).isEmpty();
                assertThat(dynamodb.privateDnsNameVerificationState()).isEmpty();
                assertThat(dynamodb.vpcEndpointPolicySupported()).isTrue();
            });
        }
    }

    @Test
    void a_providers_service_is_an_Interface_service_of_its_owner_in_its_zones_named_by_its_id() {
        var offer = new EndpointServiceOffer("vpce-svc-0123456789abcdef0",
                "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", "Interface", "222222222222", "Available", true,
                List.of());

        ServiceDetail detail = ServiceDetail.of(offer, Region.DEFAULT, List.of("us-east-1a", "us-east-1c"), List.of());

        assertThat(detail.serviceType()).isEqualTo("Interface");
        assertThat(detail.owner()).isEqualTo("222222222222");
        assertThat(detail.baseEndpointDnsNames())
                .containsExactly("vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com");
        assertThat(detail.privateDnsName()).isEqualTo(Optional.empty());
        assertThat(detail.acceptanceRequired()).isTrue();
        assertThat(detail.vpcEndpointPolicySupported()).isFalse();
        assertThat(detail.availabilityZones()).containsExactly("us-east-1a", "us-east-1c");
    }
}
