package dev.privet.network.domain;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkProvisioned;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkReleased;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceCreated;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceDeleted;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersRejected;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersVerified;
import dev.privet.contracts.events.NetworkEvent.SubnetCreated;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.contracts.events.Values.EndpointInterface;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkDomainTest {
    static final String OWNER = "111122223333";

    static List<EventEnvelope> history(IntegrationEvent... events) {
        List<EventEnvelope> history = new ArrayList<>();
        for (IntegrationEvent e : events) {
            history.add(new EventEnvelope(UUID.randomUUID(), e.streamId(), e.streamType(), history.size() + 1, 1,
                    Instant.now(), EventMetadata.forRequest(OWNER), e));
        }
        return history;
    }

    static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow();
    }

    @Nested
    @DisplayName("CIDR blocks")
    class Blocks {
        @Test
        void parse_only_canonical_ipv4_blocks() {
            assertThat(Cidr.parse("10.0.0.0/16")).isPresent();
            assertThat(Cidr.parse("10.0.0.1/16")).isEmpty();
            assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
            assertThat(Cidr.parse("300.0.0.0/8")).isEmpty();
            assertThat(Cidr.parse("ten/8")).isEmpty();
        }

        @Test
        void containment_and_overlap() {
            assertThat(cidr("10.0.0.0/16").contains(cidr("10.0.1.0/24"))).isTrue();
            assertThat(cidr("10.0.1.0/24").contains(cidr("10.0.0.0/16"))).isFalse();
            assertThat(cidr("10.0.0.0/23").overlaps(cidr("10.0.1.0/24"))).isTrue();
            assertThat(cidr("10.0.2.0/24").overlaps(cidr("10.0.1.0/24"))).isFalse();
            assertThat(cidr("10.0.1.0/24").address(4)).isEqualTo("10.0.1.4");
        }
    }

    @Nested
    @DisplayName("VPCs and subnets")
    class Vpcs {
        final VpcCreated vpc = VpcRules.createVpc("vpc-0123456789abcdef0", OWNER, cidr("10.0.0.0/16"), "us-east-1");

        @Test
        void a_subnet_lies_inside_its_vpc_and_overlaps_no_sibling() {
            assertThat(VpcRules.createSubnet("subnet-0123456789abcdef0", vpc, OWNER, cidr("10.0.1.0/24"), "us-east-1a",
                    List.of(cidr("10.0.2.0/24")))).extracting(SubnetCreated::cidrBlock).isEqualTo("10.0.1.0/24");
            assertThatThrownBy(() -> VpcRules.createSubnet("subnet-0123456789abcdef0", vpc, OWNER, cidr("10.1.0.0/24"),
                    "us-east-1a", List.of())).extracting("code").isEqualTo("InvalidSubnet.Range");
            assertThatThrownBy(() -> VpcRules.createSubnet("subnet-0123456789abcdef0", vpc, OWNER, cidr("10.0.1.0/25"),
                    "us-east-1a", List.of(cidr("10.0.1.0/24")))).extracting("code").isEqualTo("InvalidSubnet.Conflict");
        }

        @Test
        void another_accounts_vpc_does_not_exist_for_the_caller() {
            assertThatThrownBy(() -> VpcRules.createSubnet("subnet-0123456789abcdef0", vpc, "444455556666",
                    cidr("10.0.1.0/24"), "us-east-1a", List.of())).extracting("code").isEqualTo("InvalidVpcID.NotFound");
        }

        @Test
        void blocks_are_between_16_and_28() {
            assertThatThrownBy(() -> VpcRules.createVpc("vpc-0123456789abcdef0", OWNER, cidr("10.0.0.0/8"), "us-east-1"))
                    .extracting("field").isEqualTo("cidrBlock");
        }
    }

    @Nested
    @DisplayName("subnet addresses")
    class Addresses {
        final SubnetCreated created = new SubnetCreated("subnet-0123456789abcdef0", "vpc-0123456789abcdef0", OWNER,
                "10.0.1.0/28", "us-east-1a");

        @Test
        void the_first_four_and_the_last_address_are_reserved() {
            Subnet subnet = Subnet.from(history(created));
            assertThat(subnet.availableAddressCount()).isEqualTo(11);
            assertThat(subnet.allocate("eni-1", "vpce-1").privateIpAddress()).isEqualTo("10.0.1.4");
        }

        @Test
        void a_released_address_is_given_again_and_a_full_subnet_refuses() {
            List<IntegrationEvent> events = new ArrayList<>(List.of(created));
            for (int i = 4; i < 15; i++) {
                events.add(new NetworkInterfaceCreated(created.subnetId(), "eni-" + i, "10.0.1." + i, "vpce-1"));
            }
            Subnet full = Subnet.from(history(events.toArray(IntegrationEvent[]::new)));
            assertThatThrownBy(() -> full.allocate("eni-x", "vpce-2")).extracting("code")
                    .isEqualTo("InsufficientFreeAddressesInSubnet");

            events.add(new NetworkInterfaceDeleted(created.subnetId(), "eni-7", "10.0.1.7", "vpce-1"));
            Subnet oneFree = Subnet.from(history(events.toArray(IntegrationEvent[]::new)));
            assertThat(oneFree.allocate("eni-y", "vpce-2").privateIpAddress()).isEqualTo("10.0.1.7");
        }
    }

    @Nested
    @DisplayName("an endpoint's network")
    class Endpoints {
        final EndpointInterface eni = new EndpointInterface("eni-1", "subnet-1", "us-east-1a", "10.0.1.4");

        @Test
        void is_provisioned_once_and_released_for_good() {
            assertThat(EndpointNetwork.from(List.of()).awaitsProvisioning()).isTrue();
            EndpointNetwork provisioned = EndpointNetwork.from(history(
                    new EndpointNetworkProvisioned("vpce-1", "vpce-svc-1", List.of(eni))));
            assertThat(provisioned.awaitsProvisioning()).isFalse();
            assertThat(provisioned.interfacesToRelease()).containsExactly(eni);

            EndpointNetwork released = EndpointNetwork.from(history(
                    new EndpointNetworkProvisioned("vpce-1", "vpce-svc-1", List.of(eni)),
                    new EndpointNetworkReleased("vpce-1", "vpce-svc-1", List.of("eni-1"))));
            assertThat(released.released()).isTrue();
            assertThat(released.awaitsProvisioning()).isFalse();
        }

        @Test
        void released_before_provisioning_ignores_a_late_acceptance() {
            EndpointNetwork released = EndpointNetwork.from(history(
                    new EndpointNetworkReleased("vpce-1", "vpce-svc-1", List.of())));
            assertThat(released.awaitsProvisioning()).isFalse();
            assertThat(released.interfacesToRelease()).isEmpty();
        }
    }

    @Nested
    @DisplayName("load balancers behind a service")
    class Services {
        final LoadBalancerCreated nlb = new LoadBalancerCreated("arn:nlb", "web", OWNER, "network", "vpc-1",
                List.of("subnet-1"), List.of(), List.of());

        @Test
        void must_exist_be_network_and_belong_to_the_owner() {
            assertThat(LoadBalancerRules.verifyForService("svc", OWNER, List.of("arn:nlb"), Map.of("arn:nlb", nlb)))
                    .isInstanceOf(ServiceLoadBalancersVerified.class);
            assertThat(LoadBalancerRules.verifyForService("svc", OWNER, List.of("arn:nlb", "arn:gone"), Map.of("arn:nlb", nlb)))
                    .isInstanceOf(ServiceLoadBalancersRejected.class);
            assertThat(LoadBalancerRules.verifyForService("svc", "444455556666", List.of("arn:nlb"), Map.of("arn:nlb", nlb)))
                    .isInstanceOf(ServiceLoadBalancersRejected.class);
            LoadBalancerCreated gwlb = new LoadBalancerCreated("arn:gwy", "fw", OWNER, "gateway", "vpc-1",
                    List.of("subnet-1"), List.of(), List.of());
            assertThat(LoadBalancerRules.verifyForService("svc", OWNER, List.of("arn:gwy"), Map.of("arn:gwy", gwlb)))
                    .isInstanceOf(ServiceLoadBalancersRejected.class);
        }
    }
}
