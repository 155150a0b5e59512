package dev.privet.network.domain;

import dev.privet.contracts.events.Values.TargetGroupAttributes;
import dev.privet.contracts.events.Values.HealthCheck;
import dev.privet.contracts.events.NetworkEvent.TargetGroupAttributesModified;
import dev.privet.contracts.events.NetworkEvent.TargetGroupCreated;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.EndpointInterfacesRetired;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkFailed;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkModificationFailed;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkModified;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkProvisioned;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkReleased;
import dev.privet.contracts.events.NetworkEvent.EndpointProvisioningDeferred;
import dev.privet.contracts.events.NetworkEvent.EndpointSecurityGroupsApplied;
import dev.privet.contracts.events.NetworkEvent.ListenerCreated;
import dev.privet.contracts.events.NetworkEvent.ListenerDeleted;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerAttributesModified;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerDeleted;
import dev.privet.contracts.events.Values.Listener;
import dev.privet.contracts.events.Values.LoadBalancerAttributes;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceCreated;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceDeleted;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersRejected;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersReleased;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersVerified;
import dev.privet.contracts.events.NetworkEvent.SubnetCreated;
import dev.privet.contracts.events.NetworkEvent.VpcAttributesModified;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.contracts.events.NetworkEvent.VpcDeleted;
import dev.privet.contracts.events.Values.VpcAttributes;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.eventstore.Decider;
import dev.privet.network.domain.EndpointNetwork.Command.ApplyGroups;
import dev.privet.network.domain.EndpointNetwork.Command.Defer;
import dev.privet.network.domain.EndpointNetwork.Command.Fail;
import dev.privet.network.domain.EndpointNetwork.Command.FailModification;
import dev.privet.network.domain.EndpointNetwork.Command.Modify;
import dev.privet.network.domain.EndpointNetwork.Command.Retire;
import dev.privet.network.domain.EndpointNetwork.Deferred;
import dev.privet.network.domain.EndpointNetwork.Provisioned;
import dev.privet.network.domain.EndpointNetwork.Command.Provision;
import dev.privet.network.domain.EndpointNetwork.Command.Release;
import dev.privet.network.domain.ServiceBinding.ReleaseLoadBalancers;
import dev.privet.network.domain.ServiceBinding.VerifyLoadBalancers;
import dev.privet.network.domain.SubnetState.Command.AllocateInterface;
import dev.privet.network.domain.SubnetState.Command.CreateSubnet;
import dev.privet.network.domain.SubnetState.Command.ReleaseInterface;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("network-service's deciders")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NetworkDomainTest {
    static final String OWNER = "111122223333";
    static final String STRANGER = "444455556666";
    static final String VPC_ID = "vpc-0123456789abcdef0";
    static final String SUBNET_ID = "subnet-0123456789abcdef0";
    static final String ENDPOINT_ID = "vpce-0123456789abcdef0";
    static final String SERVICE_ID = "vpce-svc-0123456789abcdef0";

    // ---- given events / when command / then events, for any of the service's deciders ----

    /** A stream so far: its events, folded with the decider from its initial state. */
    record Given<C, S>(Decider<C, S, NetworkEvent> decider, List<NetworkEvent> history) {
        S state() {
            S state = decider.initialState();
            for (NetworkEvent e : history) {
                state = decider.evolve(state, e, Instant.EPOCH);
            }
            return state;
        }

        When<C, S> when(C command) {
            return new When<>(this, command);
        }
    }

    record When<C, S>(Given<C, S> given, C command) {
        /** Asserts the events decided, and returns the state after them. */
        S then(NetworkEvent... expected) {
            List<NetworkEvent> decided = given.decider().decide(command, given.state());
            assertThat(decided).containsExactly(expected);
            List<NetworkEvent> all = new ArrayList<>(given.history());
            all.addAll(decided);
            return new Given<>(given.decider(), all).state();
        }

        void thenNothing() {
            assertThat(given.decider().decide(command, given.state())).isEmpty();
        }

        void thenRejected(ErrorCode code, String field) {
            assertThatThrownBy(() -> given.decider().decide(command, given.state()))
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID);
                        assertThat(r.code()).isEqualTo(code);
                        assertThat(r.field()).isEqualTo(field);
                    });
        }
    }

    static <C, S> Given<C, S> given(Decider<C, S, NetworkEvent> decider, NetworkEvent... events) {
        return new Given<>(decider, List.of(events));
    }

    static <C, S> Given<C, S> given(Decider<C, S, NetworkEvent> decider, List<? extends NetworkEvent> events) {
        return new Given<>(decider, List.copyOf(events));
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
            assertThat(Cidr.parse(null)).isEmpty();
        }

        @Test
        void contain_and_overlap_one_another() {
            assertThat(cidr("10.0.0.0/16").contains(cidr("10.0.1.0/24"))).isTrue();
            assertThat(cidr("10.0.1.0/24").contains(cidr("10.0.0.0/16"))).isFalse();
            assertThat(cidr("10.0.0.0/23").overlaps(cidr("10.0.1.0/24"))).isTrue();
            assertThat(cidr("10.0.2.0/24").overlaps(cidr("10.0.1.0/24"))).isFalse();
            assertThat(cidr("10.0.1.0/24").address(4)).isEqualTo("10.0.1.4");
        }
    }

    @Nested
    @DisplayName("a VPC")
    class Vpcs {
        final VpcCreated vpc = new VpcCreated(VPC_ID, OWNER, "10.0.0.0/16", "us-east-1");

        @Test
        void is_created_with_its_block() {
            Vpc created = given(Vpc.DECIDER)
                    .when(new Vpc.Command.CreateVpc(VPC_ID, OWNER, cidr("10.0.0.0/16"), "us-east-1"))
                    .then(vpc);
            assertThat(created).isEqualTo(new Vpc.Created(vpc, VpcAttributes.DEFAULT));
        }

        @Test
        void block_must_be_between_16_and_28() {
            given(Vpc.DECIDER).when(new Vpc.Command.CreateVpc(VPC_ID, OWNER, cidr("10.0.0.0/8"), "us-east-1"))
                    .thenRejected(ErrorCode.INVALID_PARAMETER_VALUE, "cidrBlock");
            given(Vpc.DECIDER).when(new Vpc.Command.CreateVpc(VPC_ID, OWNER, cidr("10.0.0.0/29"), "us-east-1"))
                    .thenRejected(ErrorCode.INVALID_PARAMETER_VALUE, "cidrBlock");
            given(Vpc.DECIDER).when(new Vpc.Command.CreateVpc(VPC_ID, OWNER, cidr("10.0.0.0/28"), "us-east-1"))
                    .then(new VpcCreated(VPC_ID, OWNER, "10.0.0.0/28", "us-east-1"));
        }

        @Test
        void exists_only_for_its_owner() {
            Vpc created = given(Vpc.DECIDER, vpc).state();
            assertThat(created.ownedBy(OWNER, VPC_ID)).isEqualTo(vpc);
            assertThatThrownBy(() -> created.ownedBy(STRANGER, VPC_ID)).isInstanceOfSatisfying(Rejection.class,
                    r -> assertThat(r.code()).isEqualTo(ErrorCode.INVALID_VPC_ID_NOT_FOUND));
            assertThatThrownBy(() -> Vpc.DECIDER.initialState().ownedBy(OWNER, VPC_ID))
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.code()).isEqualTo(ErrorCode.INVALID_VPC_ID_NOT_FOUND);
                        assertThat(r.code().wire()).isEqualTo("InvalidVpcID.NotFound");
                        assertThat(r.field()).isEqualTo("vpcId");
                    });
        }

        @Test
        void starts_with_aws_defaults_and_changes_only_the_attributes_named() {
            assertThat(VpcAttributes.DEFAULT).isEqualTo(new VpcAttributes(true, false, false));
            Vpc changed = given(Vpc.DECIDER, vpc)
                    .when(new Vpc.Command.ModifyAttributes(VPC_ID, OWNER, null, true, null))
                    .then(new VpcAttributesModified(VPC_ID, OWNER, new VpcAttributes(true, true, false)));
            assertThat(changed).isEqualTo(new Vpc.Created(vpc, new VpcAttributes(true, true, false)));
            given(Vpc.DECIDER, vpc, new VpcAttributesModified(VPC_ID, OWNER, new VpcAttributes(true, true, false)))
                    .when(new Vpc.Command.ModifyAttributes(VPC_ID, OWNER, null, null, true))
                    .then(new VpcAttributesModified(VPC_ID, OWNER, new VpcAttributes(true, true, true)));
        }

        @Test
        void a_change_to_what_is_already_so_records_nothing() {
            given(Vpc.DECIDER, vpc).when(new Vpc.Command.ModifyAttributes(VPC_ID, OWNER, true, false, null))
                    .thenNothing();
        }

        @Test
        void dns_hostnames_need_dns_support() {
            given(Vpc.DECIDER, vpc).when(new Vpc.Command.ModifyAttributes(VPC_ID, OWNER, false, true, null))
                    .thenRejected(ErrorCode.INVALID_PARAMETER_COMBINATION, "enableDnsHostnames");
            given(Vpc.DECIDER, vpc, new VpcAttributesModified(VPC_ID, OWNER, new VpcAttributes(true, true, false)))
                    .when(new Vpc.Command.ModifyAttributes(VPC_ID, OWNER, false, null, null))
                    .thenRejected(ErrorCode.INVALID_PARAMETER_COMBINATION, "enableDnsSupport");
            given(Vpc.DECIDER, vpc).when(new Vpc.Command.ModifyAttributes(VPC_ID, OWNER, false, null, null))
                    .then(new VpcAttributesModified(VPC_ID, OWNER, new VpcAttributes(false, false, false)));
        }

        @Test
        void attributes_change_only_on_the_owners_live_vpc() {
            for (Vpc state : List.of(given(Vpc.DECIDER).state(), given(Vpc.DECIDER, vpc).state(),
                    given(Vpc.DECIDER, vpc, new VpcDeleted(VPC_ID, OWNER)).state())) {
                String caller = state instanceof Vpc.Created ? STRANGER : OWNER;
                assertThatThrownBy(() -> Vpc.DECIDER.decide(
                        new Vpc.Command.ModifyAttributes(VPC_ID, caller, null, true, null), state))
                        .isInstanceOfSatisfying(Rejection.class, r -> {
                            assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_FOUND);
                            assertThat(r.code()).isEqualTo(ErrorCode.INVALID_VPC_ID_NOT_FOUND);
                        });
            }
        }

        @Test
        void is_created_only_once_on_its_stream() {
            assertThatThrownBy(() -> given(Vpc.DECIDER, vpc)
                    .when(new Vpc.Command.CreateVpc(VPC_ID, OWNER, cidr("10.0.0.0/16"), "us-east-1")).then())
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    @DisplayName("a subnet's creation")
    class Subnets {
        final Vpc vpc = given(Vpc.DECIDER, new VpcCreated(VPC_ID, OWNER, "10.0.0.0/16", "us-east-1")).state();

        CreateSubnet create(Vpc in, String caller, String block, List<Cidr> siblings) {
            return new CreateSubnet(SUBNET_ID, in, VPC_ID, caller, cidr(block), "us-east-1a", siblings);
        }

        @Test
        void lies_inside_its_vpc_and_overlaps_no_sibling() {
            SubnetState subnet = given(SubnetState.DECIDER)
                    .when(create(vpc, OWNER, "10.0.1.0/24", List.of(cidr("10.0.2.0/24"))))
                    .then(new SubnetCreated(SUBNET_ID, VPC_ID, OWNER, "10.0.1.0/24", "us-east-1a"));
            assertThat(subnet).isInstanceOfSatisfying(Subnet.class,
                    s -> assertThat(s.availableAddressCount()).isEqualTo(251));
        }

        @Test
        void outside_its_vpc_is_refused() {
            given(SubnetState.DECIDER).when(create(vpc, OWNER, "10.1.0.0/24", List.of()))
                    .thenRejected(ErrorCode.INVALID_SUBNET_RANGE, "cidrBlock");
        }

        @Test
        void overlapping_a_sibling_is_refused() {
            given(SubnetState.DECIDER).when(create(vpc, OWNER, "10.0.1.0/25", List.of(cidr("10.0.1.0/24"))))
                    .thenRejected(ErrorCode.INVALID_SUBNET_CONFLICT, "cidrBlock");
        }

        @Test
        void of_a_block_outside_16_to_28_is_refused() {
            given(SubnetState.DECIDER).when(create(vpc, OWNER, "10.0.1.0/29", List.of()))
                    .thenRejected(ErrorCode.INVALID_PARAMETER_VALUE, "cidrBlock");
        }

        @Test
        void in_another_accounts_vpc_or_in_none_finds_no_vpc() {
            given(SubnetState.DECIDER).when(create(vpc, STRANGER, "10.0.1.0/24", List.of()))
                    .thenRejected(ErrorCode.INVALID_VPC_ID_NOT_FOUND, "vpcId");
            given(SubnetState.DECIDER).when(create(Vpc.DECIDER.initialState(), OWNER, "10.0.1.0/24", List.of()))
                    .thenRejected(ErrorCode.INVALID_VPC_ID_NOT_FOUND, "vpcId");
        }
    }

    @Nested
    @DisplayName("a subnet's addresses")
    class Addresses {
        final SubnetCreated created = new SubnetCreated(SUBNET_ID, VPC_ID, OWNER, "10.0.1.0/28", "us-east-1a");

        NetworkInterfaceCreated holding(String eni, String address) {
            return new NetworkInterfaceCreated(SUBNET_ID, eni, address, "vpce-1", "127.100.0.1");
        }

        /** The /28 with every one of its eleven usable addresses (.4 to .14) held. */
        List<NetworkEvent> full() {
            List<NetworkEvent> events = new ArrayList<>(List.of(created));
            for (int i = 4; i < 15; i++) {
                events.add(holding("eni-" + i, "10.0.1." + i));
            }
            return events;
        }

        @Test
        void the_first_four_and_the_last_are_reserved() {
            Subnet subnet = (Subnet) given(SubnetState.DECIDER, created).state();
            assertThat(subnet.availableAddressCount()).isEqualTo(11);
            given(SubnetState.DECIDER, created).when(new AllocateInterface("eni-1", ENDPOINT_ID, "127.100.0.9"))
                    .then(new NetworkInterfaceCreated(SUBNET_ID, "eni-1", "10.0.1.4", ENDPOINT_ID, "127.100.0.9"));
        }

        @Test
        void an_interface_gets_the_lowest_free_address() {
            Subnet after = (Subnet) given(SubnetState.DECIDER, created, holding("eni-4", "10.0.1.4"),
                    holding("eni-5", "10.0.1.5"), holding("eni-7", "10.0.1.7"))
                    .when(new AllocateInterface("eni-new", ENDPOINT_ID, "127.100.0.9"))
                    .then(new NetworkInterfaceCreated(SUBNET_ID, "eni-new", "10.0.1.6", ENDPOINT_ID, "127.100.0.9"));
            assertThat(after.availableAddressCount()).isEqualTo(7);
            assertThat(after.holds("eni-new")).isTrue();
        }

        @Test
        void a_full_subnet_refuses_another_interface() {
            assertThat(((Subnet) given(SubnetState.DECIDER, full()).state()).availableAddressCount()).isZero();
            given(SubnetState.DECIDER, full()).when(new AllocateInterface("eni-x", ENDPOINT_ID, "127.100.0.9"))
                    .thenRejected(ErrorCode.INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET, "subnetIds");
        }

        @Test
        void a_released_address_is_given_again() {
            List<NetworkEvent> events = full();
            events.add(new NetworkInterfaceDeleted(SUBNET_ID, "eni-7", "10.0.1.7", "vpce-1"));
            given(SubnetState.DECIDER, events).when(new AllocateInterface("eni-y", ENDPOINT_ID, "127.100.0.9"))
                    .then(new NetworkInterfaceCreated(SUBNET_ID, "eni-y", "10.0.1.7", ENDPOINT_ID, "127.100.0.9"));
        }

        @Test
        void releasing_an_interface_returns_its_address() {
            Subnet after = (Subnet) given(SubnetState.DECIDER, created, holding("eni-4", "10.0.1.4"))
                    .when(new ReleaseInterface("eni-4", "vpce-1"))
                    .then(new NetworkInterfaceDeleted(SUBNET_ID, "eni-4", "10.0.1.4", "vpce-1"));
            assertThat(after.availableAddressCount()).isEqualTo(11);
            assertThat(after.holds("eni-4")).isFalse();
        }

        @Test
        void releasing_an_interface_the_subnet_does_not_hold_decides_nothing() {
            given(SubnetState.DECIDER, created, holding("eni-4", "10.0.1.4"))
                    .when(new ReleaseInterface("eni-other", "vpce-1")).thenNothing();
            given(SubnetState.DECIDER, created, holding("eni-4", "10.0.1.4"),
                    new NetworkInterfaceDeleted(SUBNET_ID, "eni-4", "10.0.1.4", "vpce-1"))
                    .when(new ReleaseInterface("eni-4", "vpce-1")).thenNothing();
        }
    }

    @Nested
    @DisplayName("an endpoint's network")
    class Endpoints {
        final EndpointInterface eni = new EndpointInterface("eni-1", SUBNET_ID, "us-east-1a", "10.0.1.4",
                "127.100.0.9");
        final EndpointNetworkProvisioned provisioned = new EndpointNetworkProvisioned(ENDPOINT_ID, SERVICE_ID,
                List.of(eni));

        @Test
        void awaits_provisioning_until_its_first_acceptance() {
            EndpointNetwork initial = EndpointNetwork.DECIDER.initialState();
            assertThat(initial.awaitsProvisioning()).isTrue();
            assertThat(initial.interfacesToRelease()).isEmpty();
            assertThat(EndpointNetwork.DECIDER.isTerminal(initial)).isFalse();
        }

        @Test
        void is_provisioned_once() {
            EndpointNetwork after = given(EndpointNetwork.DECIDER)
                    .when(new Provision(ENDPOINT_ID, SERVICE_ID, List.of(eni)))
                    .then(provisioned);
            assertThat(after.awaitsProvisioning()).isFalse();
            assertThat(after.interfacesToRelease()).containsExactly(eni);

            given(EndpointNetwork.DECIDER, provisioned).when(new Provision(ENDPOINT_ID, SERVICE_ID, List.of(eni)))
                    .thenNothing();
            given(EndpointNetwork.DECIDER, provisioned).when(new Fail(ENDPOINT_ID, SERVICE_ID, "late")).thenNothing();
        }

        @Test
        void is_released_for_good() {
            EndpointNetworkReleased released = new EndpointNetworkReleased(ENDPOINT_ID, SERVICE_ID, List.of("eni-1"));
            EndpointNetwork after = given(EndpointNetwork.DECIDER, provisioned)
                    .when(new Release(ENDPOINT_ID, SERVICE_ID, List.of("eni-1")))
                    .then(released);
            assertThat(EndpointNetwork.DECIDER.isTerminal(after)).isTrue();
            assertThat(after.interfacesToRelease()).isEmpty();

            given(EndpointNetwork.DECIDER, provisioned, released)
                    .when(new Provision(ENDPOINT_ID, SERVICE_ID, List.of(eni))).thenNothing();
        }

        @Test
        void released_before_provisioning_ignores_a_late_acceptance() {
            EndpointNetworkReleased released = new EndpointNetworkReleased(ENDPOINT_ID, SERVICE_ID, List.of());
            EndpointNetwork after = given(EndpointNetwork.DECIDER)
                    .when(new Release(ENDPOINT_ID, SERVICE_ID, List.of())).then(released);
            assertThat(EndpointNetwork.DECIDER.isTerminal(after)).isTrue();
            assertThat(after.awaitsProvisioning()).isFalse();

            given(EndpointNetwork.DECIDER, released).when(new Provision(ENDPOINT_ID, SERVICE_ID, List.of(eni)))
                    .thenNothing();
            given(EndpointNetwork.DECIDER, released).when(new Fail(ENDPOINT_ID, SERVICE_ID, "late")).thenNothing();
        }

        @Test
        void that_failed_builds_nothing_later_and_has_nothing_to_release() {
            EndpointNetworkFailed failed = new EndpointNetworkFailed(ENDPOINT_ID, SERVICE_ID, "subnet is full");
            EndpointNetwork after = given(EndpointNetwork.DECIDER)
                    .when(new Fail(ENDPOINT_ID, SERVICE_ID, "subnet is full")).then(failed);
            assertThat(after.interfacesToRelease()).isEmpty();
            assertThat(EndpointNetwork.DECIDER.isTerminal(after)).isFalse();

            given(EndpointNetwork.DECIDER, failed).when(new Provision(ENDPOINT_ID, SERVICE_ID, List.of(eni)))
                    .thenNothing();
            given(EndpointNetwork.DECIDER, failed).when(new Release(ENDPOINT_ID, SERVICE_ID, List.of()))
                    .then(new EndpointNetworkReleased(ENDPOINT_ID, SERVICE_ID, List.of()));
        }

        @Test
        void an_acceptance_before_the_security_groups_is_deferred_until_they_come() {
            EndpointProvisioningDeferred deferred = new EndpointProvisioningDeferred(ENDPOINT_ID, SERVICE_ID, VPC_ID,
                    List.of(SUBNET_ID));
            EndpointNetwork waiting = given(EndpointNetwork.DECIDER)
                    .when(new Defer(ENDPOINT_ID, SERVICE_ID, VPC_ID, List.of(SUBNET_ID))).then(deferred);
            assertThat(waiting).isEqualTo(new Deferred(SERVICE_ID, VPC_ID, List.of(SUBNET_ID)));
            assertThat(waiting.awaitsProvisioning()).isTrue();
            assertThat(waiting.awaitsGroups()).as("an acceptance is held once").isFalse();

            EndpointSecurityGroupsApplied groups = new EndpointSecurityGroupsApplied(ENDPOINT_ID, List.of("sg-1"));
            EndpointNetwork grouped = given(EndpointNetwork.DECIDER, deferred)
                    .when(new ApplyGroups(ENDPOINT_ID, List.of("sg-1"))).then(groups);
            assertThat(grouped).as("still to be built, from the held acceptance").isEqualTo(waiting);
            given(EndpointNetwork.DECIDER, deferred, groups).when(new Provision(ENDPOINT_ID, SERVICE_ID, List.of(eni)))
                    .then(provisioned);
        }

        @Test
        void groups_that_come_first_let_the_acceptance_build_at_once() {
            EndpointSecurityGroupsApplied groups = new EndpointSecurityGroupsApplied(ENDPOINT_ID, List.of("sg-1"));
            EndpointNetwork after = given(EndpointNetwork.DECIDER)
                    .when(new ApplyGroups(ENDPOINT_ID, List.of("sg-1"))).then(groups);
            assertThat(after.awaitsGroups()).isFalse();
            assertThat(after.awaitsProvisioning()).isTrue();
            assertThat(EndpointNetwork.DECIDER.initialState().awaitsGroups()).isTrue();

            given(EndpointNetwork.DECIDER, groups).when(new Defer(ENDPOINT_ID, SERVICE_ID, VPC_ID, List.of(SUBNET_ID)))
                    .thenNothing();
        }

        @Test
        void groups_change_while_provisioned_and_not_once_released() {
            EndpointSecurityGroupsApplied groups = new EndpointSecurityGroupsApplied(ENDPOINT_ID, List.of("sg-2"));
            EndpointNetwork after = given(EndpointNetwork.DECIDER, provisioned)
                    .when(new ApplyGroups(ENDPOINT_ID, List.of("sg-2"))).then(groups);
            assertThat(after).isInstanceOf(Provisioned.class);

            given(EndpointNetwork.DECIDER, provisioned,
                    new EndpointNetworkReleased(ENDPOINT_ID, SERVICE_ID, List.of("eni-1")))
                    .when(new ApplyGroups(ENDPOINT_ID, List.of("sg-2"))).thenNothing();
        }
    }

    @Nested
    @DisplayName("an endpoint's network whose subnets change")
    class EndpointChanges {
        final EndpointInterface a = new EndpointInterface("eni-a", "subnet-a", "us-east-1a", "10.0.1.4", "127.100.0.1");
        final EndpointInterface b = new EndpointInterface("eni-b", "subnet-b", "us-east-1b", "10.0.2.4", "127.100.0.2");
        final EndpointNetworkProvisioned provisioned = new EndpointNetworkProvisioned(ENDPOINT_ID, SERVICE_ID,
                List.of(a));
        final EndpointNetworkModified moved = new EndpointNetworkModified(ENDPOINT_ID, SERVICE_ID, List.of(b),
                List.of("eni-a"));

        @Test
        void serves_on_the_new_interfaces_while_the_removed_ones_retire() {
            EndpointNetwork after = given(EndpointNetwork.DECIDER, provisioned)
                    .when(new Modify(ENDPOINT_ID, SERVICE_ID, List.of(b), List.of("eni-a"))).then(moved);
            assertThat(after).isEqualTo(new Provisioned(SERVICE_ID, List.of(b), List.of(a)));
            assertThat(after.interfacesToRelease()).containsExactly(b, a);
            assertThat(((Provisioned) after).subnetIds()).containsExactly("subnet-b");
        }

        @Test
        void retiring_interfaces_are_deleted_once_the_names_are_published_without_them() {
            Provisioned changed = new Provisioned(SERVICE_ID, List.of(b), List.of(a));
            assertThat(changed.retiringBesides(List.of(b))).containsExactly(a);
            assertThat(changed.retiringBesides(List.of(a, b))).isEmpty(); // the earlier names still point at it

            var retired = new EndpointInterfacesRetired(ENDPOINT_ID, SERVICE_ID, List.of("eni-a"));
            EndpointNetwork after = given(EndpointNetwork.DECIDER, provisioned, moved)
                    .when(new Retire(ENDPOINT_ID, SERVICE_ID, List.of("eni-a"))).then(retired);
            assertThat(after).isEqualTo(new Provisioned(SERVICE_ID, List.of(b), List.of()));
            given(EndpointNetwork.DECIDER, provisioned, moved, retired)
                    .when(new Retire(ENDPOINT_ID, SERVICE_ID, List.of())).thenNothing();
        }

        @Test
        void a_change_that_cannot_be_built_keeps_the_interfaces_and_says_where_they_are() {
            given(EndpointNetwork.DECIDER, provisioned)
                    .when(new FailModification(ENDPOINT_ID, SERVICE_ID, "subnet-b is full"))
                    .then(new EndpointNetworkModificationFailed(ENDPOINT_ID, SERVICE_ID, "subnet-b is full",
                            List.of("subnet-a")));
        }

        @Test
        void an_endpoint_not_provisioned_changes_nothing() {
            var released = new EndpointNetworkReleased(ENDPOINT_ID, SERVICE_ID, List.of("eni-a"));
            for (var history : List.of(List.<NetworkEvent>of(), List.<NetworkEvent>of(provisioned, released))) {
                var given = given(EndpointNetwork.DECIDER, history);
                given.when(new Modify(ENDPOINT_ID, SERVICE_ID, List.of(b), List.of())).thenNothing();
                given.when(new FailModification(ENDPOINT_ID, SERVICE_ID, "x")).thenNothing();
                given.when(new Retire(ENDPOINT_ID, SERVICE_ID, List.of("eni-a"))).thenNothing();
            }
        }

        @Test
        void a_second_change_before_the_first_ones_interfaces_retired_keeps_them_retiring() {
            var c = new EndpointInterface("eni-c", "subnet-a", "us-east-1a", "10.0.1.5", "127.100.0.3");
            var again = new EndpointNetworkModified(ENDPOINT_ID, SERVICE_ID, List.of(b, c), List.of());
            EndpointNetwork after = given(EndpointNetwork.DECIDER, provisioned, moved, again).state();
            assertThat(after).isEqualTo(new Provisioned(SERVICE_ID, List.of(b, c), List.of(a)));
            assertThat(((Provisioned) after).retiringBesides(List.of(b, c))).containsExactly(a);
        }

        @Test
        void a_release_deletes_the_retiring_interfaces_too() {
            EndpointNetwork changed = given(EndpointNetwork.DECIDER, provisioned, moved).state();
            assertThat(changed.interfacesToRelease()).containsExactlyInAnyOrder(a, b);
        }
    }

    @Nested
    @DisplayName("a load balancer")
    class LoadBalancers {
        final LoadBalancerCreated nlb = new LoadBalancerCreated("arn:nlb", "web", OWNER, "network", VPC_ID,
                List.of(SUBNET_ID), List.of(), List.of(), LoadBalancerCreated.INTERNAL);

        @Test
        void is_created_as_drafted_once() {
            LoadBalancer after = given(LoadBalancer.DECIDER).when(new LoadBalancer.Command.CreateLoadBalancer(nlb)).then(nlb);
            assertThat(after).isEqualTo(new LoadBalancer.Created(nlb, nlb.listeners(), LoadBalancerAttributes.DEFAULT));
            assertThatThrownBy(() -> LoadBalancer.DECIDER.decide(new LoadBalancer.Command.CreateLoadBalancer(nlb), after))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void has_a_network_load_balancers_attributes_and_changes_only_those_named() {
            var zoneAffinity = new LoadBalancerAttributes(false, true, "availability_zone_affinity", false);
            LoadBalancer after = given(LoadBalancer.DECIDER, nlb)
                    .when(new LoadBalancer.Command.ModifyAttributes(null, true, "availability_zone_affinity", null))
                    .then(new LoadBalancerAttributesModified("arn:nlb", zoneAffinity));
            assertThat(((LoadBalancer.Created) after).attributes()).isEqualTo(zoneAffinity);
        }

        @Test
        void a_change_to_the_attributes_it_has_decides_nothing() {
            given(LoadBalancer.DECIDER, nlb).when(new LoadBalancer.Command.ModifyAttributes(false, false,
                    "any_availability_zone", false)).thenNothing();
        }

        @Test
        void with_deletion_protection_on_is_not_deleted_until_it_is_off_again() {
            var protectedOne = new LoadBalancerAttributesModified("arn:nlb",
                    new LoadBalancerAttributes(true, false, "any_availability_zone", false));
            LoadBalancer guarded = given(LoadBalancer.DECIDER, nlb, protectedOne).state();
            assertThatThrownBy(() -> LoadBalancer.DECIDER.decide(new LoadBalancer.Command.Delete(List.of()), guarded))
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.kind()).isEqualTo(Rejection.Kind.CONFLICT);
                        assertThat(r.code()).isEqualTo(ErrorCode.OPERATION_NOT_PERMITTED);
                        assertThat(r.getMessage()).contains("deletion protection is enabled");
                    });

            var unprotected = new LoadBalancerAttributesModified("arn:nlb", LoadBalancerAttributes.DEFAULT);
            given(LoadBalancer.DECIDER, nlb, protectedOne, unprotected).when(new LoadBalancer.Command.Delete(List.of()))
                    .then(new LoadBalancerDeleted("arn:nlb", "web", OWNER));
        }

        @Test
        void keeps_its_attributes_as_listeners_come_and_go() {
            var protectedOne = new LoadBalancerAttributesModified("arn:nlb",
                    new LoadBalancerAttributes(true, false, "any_availability_zone", false));
            LoadBalancer after = given(LoadBalancer.DECIDER, nlb, protectedOne,
                    new ListenerCreated("arn:nlb", new Listener("TCP", 443, "arn:tg")),
                    new ListenerDeleted("arn:nlb", 443)).state();
            assertThat(((LoadBalancer.Created) after).attributes()).isEqualTo(protectedOne.attributes());
        }
    }

    @Nested
    @DisplayName("a target group's attributes")
    class TargetGroupAttributesOf {
        final TargetGroupCreated group = new TargetGroupCreated("arn:tg", "web", OWNER, "TCP", 80, VPC_ID, "ip",
                HealthCheck.DEFAULT);

        @Test
        void start_as_a_network_load_balancers_defaults_and_change_only_what_is_named() {
            TargetGroup after = given(TargetGroup.DECIDER, group)
                    .when(new TargetGroup.Command.ModifyAttributes(null, true))
                    .then(new TargetGroupAttributesModified("arn:tg", new TargetGroupAttributes(300, true)));
            assertThat(((TargetGroup.Created) after).attributes()).isEqualTo(new TargetGroupAttributes(300, true));
        }

        @Test
        void a_change_to_what_they_are_already_decides_nothing() {
            given(TargetGroup.DECIDER, group, new TargetGroupAttributesModified("arn:tg", new TargetGroupAttributes(0, true)))
                    .when(new TargetGroup.Command.ModifyAttributes(0, null)).thenNothing();
        }
    }

    @Nested
    @DisplayName("the load balancers behind a service")
    class Services {
        final LoadBalancerCreated nlb = new LoadBalancerCreated("arn:nlb", "web", OWNER, "network", VPC_ID,
                List.of(SUBNET_ID), List.of(), List.of(), LoadBalancerCreated.INTERNAL);
        final LoadBalancerCreated gwlb = new LoadBalancerCreated("arn:gwy", "fw", OWNER, "gateway", VPC_ID,
                List.of(SUBNET_ID), List.of(), List.of(), LoadBalancerCreated.INTERNAL);

        VerifyLoadBalancers verify(String owner, List<String> arns) {
            return new VerifyLoadBalancers(SERVICE_ID, owner, arns, Map.of("arn:nlb", nlb, "arn:gwy", gwlb));
        }

        @Test
        void are_verified_when_they_exist_are_network_and_belong_to_the_owner() {
            ServiceBinding after = given(ServiceBinding.DECIDER).when(verify(OWNER, List.of("arn:nlb")))
                    .then(new ServiceLoadBalancersVerified(SERVICE_ID, List.of("arn:nlb")));
            assertThat(ServiceBinding.DECIDER.isTerminal(after)).as("held until the service is deleted").isFalse();
        }

        @Test
        void are_rejected_when_one_is_missing_a_gateway_or_another_accounts() {
            given(ServiceBinding.DECIDER).when(verify(OWNER, List.of("arn:nlb", "arn:gone")))
                    .then(new ServiceLoadBalancersRejected(SERVICE_ID, "load balancer arn:gone does not exist"));
            given(ServiceBinding.DECIDER).when(verify(OWNER, List.of("arn:gwy")))
                    .then(new ServiceLoadBalancersRejected(SERVICE_ID,
                            "load balancer arn:gwy is not a network load balancer"));
            given(ServiceBinding.DECIDER).when(verify(STRANGER, List.of("arn:nlb")))
                    .then(new ServiceLoadBalancersRejected(SERVICE_ID, "load balancer arn:nlb does not exist"));
        }

        @Test
        void are_decided_once_a_redelivered_creation_decides_nothing() {
            given(ServiceBinding.DECIDER, new ServiceLoadBalancersVerified(SERVICE_ID, List.of("arn:nlb")))
                    .when(verify(OWNER, List.of("arn:gwy"))).thenNothing();
            ServiceLoadBalancersRejected rejected = new ServiceLoadBalancersRejected(SERVICE_ID, "gone");
            assertThat(ServiceBinding.DECIDER.isTerminal(given(ServiceBinding.DECIDER, rejected).state())).isTrue();
            given(ServiceBinding.DECIDER, rejected).when(verify(OWNER, List.of("arn:nlb"))).thenNothing();
        }

        @Test
        void verified_ones_are_released_once_when_the_service_is_deleted() {
            var verified = new ServiceLoadBalancersVerified(SERVICE_ID, List.of("arn:nlb"));
            ServiceBinding after = given(ServiceBinding.DECIDER, verified).when(new ReleaseLoadBalancers(SERVICE_ID))
                    .then(new ServiceLoadBalancersReleased(SERVICE_ID, List.of("arn:nlb")));
            assertThat(after).isEqualTo(new ServiceBinding.Released());
            assertThat(ServiceBinding.DECIDER.isTerminal(after)).isTrue();
            var released = given(ServiceBinding.DECIDER, verified,
                    new ServiceLoadBalancersReleased(SERVICE_ID, List.of("arn:nlb")));
            released.when(new ReleaseLoadBalancers(SERVICE_ID)).thenNothing();
            released.when(verify(OWNER, List.of("arn:nlb"))).thenNothing();
        }

        @Test
        void rejected_ones_were_never_held_and_have_nothing_to_release() {
            given(ServiceBinding.DECIDER, new ServiceLoadBalancersRejected(SERVICE_ID, "gone"))
                    .when(new ReleaseLoadBalancers(SERVICE_ID)).thenNothing();
        }

        @Test
        void a_deletion_before_the_creation_was_seen_is_recorded_so_a_late_creation_verifies_nothing() {
            ServiceBinding after = given(ServiceBinding.DECIDER).when(new ReleaseLoadBalancers(SERVICE_ID))
                    .then(new ServiceLoadBalancersReleased(SERVICE_ID, List.of()));
            assertThat(ServiceBinding.DECIDER.isTerminal(after)).isTrue();
            given(ServiceBinding.DECIDER, new ServiceLoadBalancersReleased(SERVICE_ID, List.of()))
                    .when(verify(OWNER, List.of("arn:nlb"))).thenNothing();
        }
    }
}
