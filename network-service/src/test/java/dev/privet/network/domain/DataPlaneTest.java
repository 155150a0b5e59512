package dev.privet.network.domain;

import dev.privet.contracts.events.NetworkEvent.EndpointInterfacesRetired;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkModified;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkProvisioned;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkReleased;
import dev.privet.contracts.events.NetworkEvent.EndpointSecurityGroupsApplied;
import dev.privet.contracts.events.NetworkEvent.ListenerCreated;
import dev.privet.contracts.events.NetworkEvent.ListenerDeleted;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceCreated;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceDeleted;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupCreated;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupDeleted;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupRulesAuthorized;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupRulesRevoked;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersReleased;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersVerified;
import dev.privet.contracts.events.NetworkEvent.TargetGroupAttributesModified;
import dev.privet.contracts.events.NetworkEvent.TargetGroupCreated;
import dev.privet.contracts.events.NetworkEvent.TargetsDeregistered;
import dev.privet.contracts.events.NetworkEvent.TargetsRegistered;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.contracts.events.Values.HealthCheck;
import dev.privet.contracts.events.Values.Listener;
import dev.privet.contracts.events.Values.RegisteredTarget;
import dev.privet.contracts.events.Values.SecurityGroupRule;
import dev.privet.contracts.events.Values.Target;
import dev.privet.contracts.events.Values.TargetGroupAttributes;
import dev.privet.network.domain.ForwardingTable.Binding;
import dev.privet.network.domain.ForwardingTable.CheckedTarget;
import dev.privet.network.domain.ForwardingTable.Route;
import dev.privet.network.domain.ForwardingTable.TargetSettings;
import dev.privet.network.domain.TargetHealth.Failure;
import dev.privet.network.domain.TargetHealth.State;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DataPlaneTest {

    @Nested
    @DisplayName("the data plane address pool")
    class Pool {
        final DataPlanePool pool = DataPlanePool.parse("127.100.0.0/29");

        @Test
        void gives_every_address_but_the_first_and_the_last_and_none_twice() {
            Set<String> given = new HashSet<>();
            Random random = new Random(7);
            for (int i = 0; i < pool.capacity(); i++) {
                given.add(pool.pick(given::contains, random).orElseThrow());
            }
            assertThat(given).containsExactlyInAnyOrder("127.100.0.1", "127.100.0.2", "127.100.0.3", "127.100.0.4",
                    "127.100.0.5", "127.100.0.6");
            assertThat(pool.pick(given::contains, random)).isEmpty();
        }

        @Test
        void finds_the_one_free_address_wherever_its_search_starts() {
            for (int seed = 0; seed < 20; seed++) {
                assertThat(pool.pick(a -> !a.equals("127.100.0.5"), new Random(seed))).contains("127.100.0.5");
            }
        }

        @Test
        void a_setting_that_is_not_a_block_is_refused_by_name() {
            assertThatThrownBy(() -> DataPlanePool.parse("127.100.0.1/16"))
                    .hasMessageContaining("privet.data-plane.pool");
            assertThatThrownBy(() -> DataPlanePool.parse("127.100.0.0/31")).hasMessageContaining("/30");
        }
    }

    @Nested
    @DisplayName("a target's health")
    class Health {
        final HealthCheck check = new HealthCheck("TCP", "traffic-port", 5, 2, 3, 2, null);

        @Test
        void starts_initial_and_gets_connections_until_checks_decide() {
            TargetHealth initial = TargetHealth.initial();
            assertThat(initial.state()).isEqualTo(State.INITIAL);
            assertThat(initial.reason()).isEqualTo("Elb.InitialHealthChecking");
            assertThat(initial.routable()).isTrue();
        }

        @Test
        void becomes_healthy_after_the_healthy_threshold_of_passes_in_a_row() {
            TargetHealth twice = TargetHealth.initial().afterPass(check).afterPass(check);
            assertThat(twice.state()).isEqualTo(State.INITIAL);
            assertThat(twice.afterPass(check).state()).isEqualTo(State.HEALTHY);
            assertThat(twice.afterPass(check).reason()).isNull();
        }

        @Test
        void becomes_unhealthy_after_the_unhealthy_threshold_of_failures_in_a_row_and_gets_no_connections() {
            TargetHealth healthy = TargetHealth.initial().afterPass(check).afterPass(check).afterPass(check);
            TargetHealth once = healthy.afterFailure(check, Failure.TIMEOUT);
            assertThat(once.state()).isEqualTo(State.HEALTHY);
            assertThat(once.afterPass(check).afterFailure(check, Failure.TIMEOUT).state()).isEqualTo(State.HEALTHY);

            TargetHealth down = once.afterFailure(check, Failure.responseCode(503));
            assertThat(down.state()).isEqualTo(State.UNHEALTHY);
            assertThat(down.routable()).isFalse();
            assertThat(down.reason()).isEqualTo("Target.ResponseCodeMismatch");
            assertThat(down.description()).isEqualTo("Health checks failed with these codes: [503]");
        }

        @Test
        void an_unhealthy_target_comes_back_after_the_healthy_threshold_of_passes() {
            TargetHealth down = TargetHealth.initial().afterFailure(check, Failure.REFUSED)
                    .afterFailure(check, Failure.REFUSED);
            assertThat(down.state()).isEqualTo(State.UNHEALTHY);
            assertThat(down.afterPass(check).afterPass(check).routable()).isFalse();
            assertThat(down.afterPass(check).afterPass(check).afterPass(check).state()).isEqualTo(State.HEALTHY);
        }
    }

    @Nested
    @DisplayName("the forwarding table")
    class Table {
        static final String SERVICE = "vpce-svc-00000000000000001";
        static final String ENDPOINT = "vpce-00000000000000001";
        static final String NLB = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/web/1";
        static final String GROUP = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/1";
        static final EndpointInterface ENI_A = new EndpointInterface("eni-a", "subnet-a", "us-east-1a", "10.0.1.4",
                "127.100.0.1");
        static final EndpointInterface ENI_B = new EndpointInterface("eni-b", "subnet-b", "us-east-1b", "10.0.2.4",
                "127.100.0.2");

        final ForwardingTable table = new ForwardingTable();

        List<CheckedTarget> targets(Binding binding) {
            return List.copyOf(table.routeOf(binding).targets().keySet());
        }

        void anEndpointOnAServiceWithOneListener() {
            table.apply(new LoadBalancerCreated(NLB, "web", "111122223333", "network", "vpc-1", List.of("subnet-p"),
                    List.of(new Listener("TCP", 443)), List.of(new Target("127.0.0.1", 8443)), "internal"));
            table.apply(new ServiceLoadBalancersVerified(SERVICE, List.of(NLB)));
            table.apply(new EndpointNetworkProvisioned(ENDPOINT, SERVICE, List.of(ENI_A, ENI_B)));
        }

        @Test
        void each_interface_listens_on_each_listener_port_and_goes_to_its_targets() {
            anEndpointOnAServiceWithOneListener();

            assertThat(table.bindingsOf(ENDPOINT)).containsExactlyInAnyOrder(new Binding("127.100.0.1", 443),
                    new Binding("127.100.0.2", 443));
            assertThat(targets(new Binding("127.100.0.2", 443)))
                    .containsExactly(new CheckedTarget(NLB, new Target("127.0.0.1", 8443)));
            assertThat(targets(new Binding("127.100.0.2", 80))).isEmpty();
        }

        @Test
        void a_listener_added_or_removed_changes_what_the_endpoints_behind_it_listen_on() {
            anEndpointOnAServiceWithOneListener();

            assertThat(table.apply(new ListenerCreated(NLB, new Listener("TCP", 80, GROUP)))).containsExactly(ENDPOINT);
            assertThat(table.bindingsOf(ENDPOINT)).contains(new Binding("127.100.0.1", 80));
            assertThat(table.apply(new ListenerDeleted(NLB, 443))).containsExactly(ENDPOINT);
            assertThat(table.bindingsOf(ENDPOINT)).containsExactlyInAnyOrder(new Binding("127.100.0.1", 80),
                    new Binding("127.100.0.2", 80));
        }

        @Test
        void a_target_group_listener_goes_to_the_targets_registered_now_and_changes_no_binding() {
            anEndpointOnAServiceWithOneListener();
            table.apply(new TargetGroupCreated(GROUP, "web", "111122223333", "TCP", 8080, "vpc-1", "ip",
                    HealthCheck.DEFAULT));
            table.apply(new ListenerCreated(NLB, new Listener("TCP", 80, GROUP)));
            Binding http = new Binding("127.100.0.1", 80);

            assertThat(targets(http)).isEmpty();
            assertThat(table.apply(new TargetsRegistered(GROUP, List.of(new RegisteredTarget("127.0.0.2", 8080),
                    new RegisteredTarget("127.0.0.3", 8080))))).isEmpty();
            assertThat(targets(http)).containsExactly(new CheckedTarget(GROUP, new Target("127.0.0.2", 8080)),
                    new CheckedTarget(GROUP, new Target("127.0.0.3", 8080)));
            table.apply(new TargetsDeregistered(GROUP, List.of(new RegisteredTarget("127.0.0.2", 8080))));
            assertThat(targets(http)).containsExactly(new CheckedTarget(GROUP, new Target("127.0.0.3", 8080)));
        }

        @Test
        void every_target_a_listener_forwards_to_is_checked_as_its_group_says_and_only_those() {
            anEndpointOnAServiceWithOneListener();
            HealthCheck http = new HealthCheck("HTTP", "traffic-port", 5, 2, 2, 2, "/health");
            table.apply(new TargetGroupCreated(GROUP, "web", "111122223333", "TCP", 8080, "vpc-1", "ip", http));
            table.apply(new TargetsRegistered(GROUP, List.of(new RegisteredTarget("127.0.0.2", 8080))));
            assertThat(table.checkedTargets()).containsExactly(Map.entry(new CheckedTarget(NLB,
                    new Target("127.0.0.1", 8443)), new TargetSettings(HealthCheck.DEFAULT, TargetGroupAttributes.DEFAULT)));

            long before = table.targetChanges();
            table.apply(new ListenerCreated(NLB, new Listener("TCP", 80, GROUP)));
            assertThat(table.targetChanges()).isGreaterThan(before);
            assertThat(table.checkedTargets()).containsEntry(new CheckedTarget(GROUP, new Target("127.0.0.2", 8080)),
                    new TargetSettings(http, TargetGroupAttributes.DEFAULT)).hasSize(2);

            TargetGroupAttributes proxied = new TargetGroupAttributes(0, true);
            table.apply(new TargetGroupAttributesModified(GROUP, proxied));
            assertThat(table.targetChanges()).isGreaterThan(before + 1);
            assertThat(table.routeOf(new Binding("127.100.0.1", 80)))
                    .isEqualTo(new Route(ENDPOINT, Map.of(new CheckedTarget(GROUP, new Target("127.0.0.2", 8080)),
                            new TargetSettings(http, proxied))));
        }

        @Test
        void instance_targets_have_no_address_to_forward_to() {
            anEndpointOnAServiceWithOneListener();
            table.apply(new TargetGroupCreated(GROUP, "web", "111122223333", "TCP", 8080, "vpc-1", "instance",
                    HealthCheck.DEFAULT));
            table.apply(new ListenerCreated(NLB, new Listener("TCP", 80, GROUP)));
            table.apply(new TargetsRegistered(GROUP, List.of(new RegisteredTarget("i-0123456789abcdef0", 8080))));

            assertThat(targets(new Binding("127.100.0.1", 80))).isEmpty();
        }

        @Test
        void a_released_endpoint_or_service_listens_nowhere() {
            anEndpointOnAServiceWithOneListener();
            assertThat(table.apply(new ServiceLoadBalancersReleased(SERVICE, List.of(NLB)))).containsExactly(ENDPOINT);
            assertThat(table.bindingsOf(ENDPOINT)).isEmpty();

            assertThat(table.apply(new EndpointNetworkReleased(ENDPOINT, SERVICE, List.of("eni-a", "eni-b"))))
                    .containsExactly(ENDPOINT);
            assertThat(table.endpoints()).isEmpty();
            assertThat(targets(new Binding("127.100.0.1", 443))).isEmpty();
        }

        @Test
        void a_change_of_subnets_listens_on_the_new_interfaces_and_on_the_retiring_ones_until_they_retire() {
            anEndpointOnAServiceWithOneListener();
            EndpointInterface c = new EndpointInterface("eni-c", "subnet-c", "us-east-1c", "10.0.3.4", "127.100.0.3");

            assertThat(table.apply(new EndpointNetworkModified(ENDPOINT, SERVICE, List.of(ENI_B, c), List.of("eni-a"))))
                    .containsExactly(ENDPOINT);
            assertThat(table.bindingsOf(ENDPOINT)).containsExactlyInAnyOrder(new Binding("127.100.0.1", 443),
                    new Binding("127.100.0.2", 443), new Binding("127.100.0.3", 443));
            assertThat(table.routeOf(new Binding("127.100.0.3", 443)).vpcEndpointId()).isEqualTo(ENDPOINT);

            table.apply(new EndpointNetworkModified(ENDPOINT, SERVICE, List.of(c), List.of("eni-b")));
            assertThat(table.bindingsOf(ENDPOINT)).as("a second change before the first one's interfaces retired")
                    .hasSize(3);

            assertThat(table.apply(new EndpointInterfacesRetired(ENDPOINT, SERVICE, List.of("eni-a", "eni-b"))))
                    .containsExactly(ENDPOINT);
            assertThat(table.bindingsOf(ENDPOINT)).containsExactly(new Binding("127.100.0.3", 443));
            assertThat(targets(new Binding("127.100.0.1", 443))).isEmpty();
        }

        @Test
        void an_address_is_held_from_its_interfaces_creation_to_its_deletion() {
            table.apply(new NetworkInterfaceCreated("subnet-a", "eni-a", "10.0.1.4", ENDPOINT, "127.100.0.1"));
            table.apply(new NetworkInterfaceCreated("subnet-a", "eni-old", "10.0.1.5", ENDPOINT, null));
            assertThat(table.holds("127.100.0.1")).isTrue();

            table.apply(new NetworkInterfaceDeleted("subnet-a", "eni-a", "10.0.1.4", ENDPOINT));
            table.apply(new NetworkInterfaceDeleted("subnet-a", "eni-old", "10.0.1.5", ENDPOINT));
            assertThat(table.holds("127.100.0.1")).isFalse();
        }

        @Nested
        @DisplayName("with the endpoint's security groups")
        class Groups {
            static final String WEB = "sg-00000000000000001";
            static final String OTHER = "sg-00000000000000002";

            static SecurityGroupRule ingress(String id, String protocol, Integer from, Integer to) {
                return new SecurityGroupRule(id, false, protocol, from, to, "10.0.0.0/8", null, null);
            }

            /** The endpoint of {@link #anEndpointOnAServiceWithOneListener} with a second listener, on 80. */
            void anEndpointInGroups(String... groupIds) {
                table.apply(new SecurityGroupCreated(WEB, "web", "web", "vpc-1", "111122223333", false));
                table.apply(new SecurityGroupCreated(OTHER, "other", "other", "vpc-1", "111122223333", false));
                table.apply(new EndpointSecurityGroupsApplied(ENDPOINT, List.of(groupIds)));
                anEndpointOnAServiceWithOneListener();
                table.apply(new ListenerCreated(NLB, new Listener("TCP", 80, GROUP)));
            }

            Set<Integer> ports() {
                Set<Integer> ports = new HashSet<>();
                table.bindingsOf(ENDPOINT).forEach(binding -> ports.add(binding.port()));
                return ports;
            }

            @Test
            void open_only_the_ports_an_ingress_rule_of_theirs_lets_tcp_in_to() {
                anEndpointInGroups(WEB, OTHER);
                assertThat(ports()).as("no rule yet").isEmpty();

                assertThat(table.apply(new SecurityGroupRulesAuthorized(OTHER, List.of(ingress("sgr-1", "tcp", 400,
                        500))))).containsExactly(ENDPOINT);
                assertThat(table.bindingsOf(ENDPOINT)).containsExactlyInAnyOrder(new Binding("127.100.0.1", 443),
                        new Binding("127.100.0.2", 443));

                table.apply(new SecurityGroupRulesAuthorized(WEB, List.of(ingress("sgr-2", "udp", 80, 80),
                        new SecurityGroupRule("sgr-3", true, "tcp", 80, 80, "0.0.0.0/0", null, null))));
                assertThat(ports()).as("a UDP rule and an egress rule open nothing").containsExactly(443);
                table.apply(new SecurityGroupRulesAuthorized(WEB, List.of(ingress("sgr-4", "-1", null, null))));
                assertThat(ports()).as("all protocols").containsExactlyInAnyOrder(80, 443);
            }

            @Test
            void close_a_port_when_its_rule_is_revoked_or_its_group_deleted_or_left() {
                anEndpointInGroups(WEB);
                table.apply(new SecurityGroupRulesAuthorized(WEB, List.of(ingress("sgr-1", "tcp", 80, 80))));
                table.apply(new SecurityGroupRulesAuthorized(OTHER, List.of(ingress("sgr-2", "tcp", 443, 443))));
                assertThat(ports()).containsExactly(80);

                assertThat(table.apply(new EndpointSecurityGroupsApplied(ENDPOINT, List.of(WEB, OTHER))))
                        .containsExactly(ENDPOINT);
                assertThat(ports()).containsExactlyInAnyOrder(80, 443);
                assertThat(table.apply(new SecurityGroupRulesRevoked(WEB, List.of(ingress("sgr-1", "tcp", 80, 80)))))
                        .containsExactly(ENDPOINT);
                assertThat(ports()).containsExactly(443);
                assertThat(table.apply(new SecurityGroupDeleted(OTHER, "vpc-1", "111122223333")))
                        .containsExactly(ENDPOINT);
                assertThat(ports()).isEmpty();
            }

            @Test
            void changes_of_a_group_no_endpoint_uses_change_no_endpoint() {
                anEndpointInGroups(WEB);

                assertThat(table.apply(new SecurityGroupRulesAuthorized(OTHER, List.of(ingress("sgr-1", "tcp", 443,
                        443))))).isEmpty();
                assertThat(ports()).isEmpty();
            }

            @Test
            void an_endpoint_provisioned_before_groups_were_recorded_forwards_every_port() {
                anEndpointOnAServiceWithOneListener();

                assertThat(table.bindingsOf(ENDPOINT)).hasSize(2);
            }
        }

        @Test
        void interfaces_recorded_before_the_data_plane_listen_nowhere() {
            anEndpointOnAServiceWithOneListener();
            String old = "vpce-00000000000000002";
            table.apply(new EndpointNetworkProvisioned(old, SERVICE, List.of(new EndpointInterface("eni-c",
                    "subnet-a", "us-east-1a", "10.0.1.9", null))));

            assertThat(table.bindingsOf(old)).isEmpty();
        }
    }
}
