package dev.privet.consumer.domain;

import dev.privet.consumer.domain.EndpointCommand.AcceptConnection;
import dev.privet.consumer.domain.EndpointCommand.AwaitAcceptance;
import dev.privet.consumer.domain.EndpointCommand.DeleteEndpoint;
import dev.privet.consumer.domain.EndpointCommand.FailModification;
import dev.privet.consumer.domain.EndpointCommand.FailNetwork;
import dev.privet.consumer.domain.EndpointCommand.ModifyEndpoint;
import dev.privet.consumer.domain.EndpointCommand.PublishDns;
import dev.privet.consumer.domain.EndpointCommand.RejectConnection;
import dev.privet.consumer.domain.EndpointCommand.ReleaseNetwork;
import dev.privet.consumer.domain.EndpointCommand.RequestEndpoint;
import dev.privet.consumer.domain.VpcEndpointState.NotRequested;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.ConsumerEvent;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAccepted;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAvailable;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAwaitsAcceptance;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeleted;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeletionRequested;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointFailed;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointModificationFailed;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointPolicyChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointSecurityGroupsChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointSubnetsChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRejected;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointReleased;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.Requester;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A VPC endpoint")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VpcEndpointDeciderTest {
    static final VpcEndpointDecider DECIDER = new VpcEndpointDecider();
    static final AccountId CONSUMER = new AccountId("111111111111");
    static final AccountId PROVIDER = new AccountId("222222222222");
    static final AccountId STRANGER = new AccountId("333333333333");
    static final String ID = "vpce-0123456789abcdef0";
    static final String SERVICE_ID = "vpce-svc-0123456789abcdef0";
    static final String SERVICE_NAME = "com.amazonaws.vpce.us-east-1." + SERVICE_ID;
    static final String VPC = "vpc-0123456789abcdef0";
    static final String SUBNET_A = "subnet-0000000000000000a";
    static final String SUBNET_B = "subnet-0000000000000000b";
    /** The consumer VPC's default security group. */
    static final String DEFAULT_GROUP = "sg-0000000000000000d";
    static final String SG_1 = "sg-00000001";
    static final String SG_2 = "sg-00000002";
    static final List<DnsEntry> DNS = List.of(new DnsEntry("vpce-x.example", "Z1"));

    // ---- given events / when command / then events ----

    /** The stream so far: its events, folded with the decider from its initial state. */
    record Given(List<ConsumerEvent> history) {
        VpcEndpointState state() {
            VpcEndpointState state = DECIDER.initialState();
            for (ConsumerEvent e : history) {
                state = DECIDER.evolve(state, e, Instant.EPOCH);
            }
            return state;
        }

        When when(EndpointCommand command) {
            return new When(this, command);
        }
    }

    record When(Given given, EndpointCommand command) {
        /** Asserts the events decided, and returns the state after them. */
        VpcEndpoint then(ConsumerEvent... expected) {
            List<ConsumerEvent> decided = DECIDER.decide(command, given.state());
            assertThat(decided).containsExactly(expected);
            List<ConsumerEvent> all = new ArrayList<>(given.history());
            all.addAll(decided);
            return (VpcEndpoint) new Given(all).state();
        }

        void thenNothing() {
            assertThat(DECIDER.decide(command, given.state())).isEmpty();
        }

        void thenRejected(Rejection.Kind kind, ErrorCode code, String field) {
            assertThatThrownBy(() -> DECIDER.decide(command, given.state()))
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.kind()).isEqualTo(kind);
                        assertThat(r.code()).isEqualTo(code);
                        assertThat(r.field()).isEqualTo(field);
                    });
        }
    }

    static Given given(ConsumerEvent... events) {
        return new Given(List.of(events));
    }

    static Given nothing() {
        return given();
    }

    static Given endpointIn(EndpointState state) {
        return new Given(historyIn(state));
    }

    // ---- builders ----

    static EndpointServiceOffer service(boolean acceptanceRequired, String... principals) {
        return new EndpointServiceOffer(SERVICE_ID, SERVICE_NAME, "Interface", PROVIDER.value(), "Available", acceptanceRequired,
                List.of(principals));
    }

    static RequestEndpoint request(Optional<EndpointServiceOffer> service, List<String> subnets, Subnet... known) {
        return requestAs(Requester.root(CONSUMER), service, subnets, known);
    }

    static RequestEndpoint requestAs(Requester caller, Optional<EndpointServiceOffer> service, List<String> subnets,
                                     Subnet... known) {
        Map<String, Subnet> byId = new HashMap<>();
        for (Subnet s : known) {
            byId.put(s.subnetId(), s);
        }
        return new RequestEndpoint(ID, caller, "Interface", SERVICE_NAME, service, VPC, Optional.of(consumerVpc()),
                subnets, byId, List.of(), Map.of(), Map.of(), AccessControls.DEFAULT);
    }

    static Vpc consumerVpc() {
        return new Vpc(VPC, CONSUMER.value(), Optional.of(DEFAULT_GROUP));
    }

    /** The consumer's groups {@code sg-00000001} to {@code sg-00000011} in its VPC, as the network view knows them. */
    static Map<String, SecurityGroup> consumerGroups() {
        Map<String, SecurityGroup> groups = new HashMap<>();
        for (int i = 1; i <= 17; i++) {
            String id = String.format("sg-%08x", i);
            groups.put(id, new SecurityGroup(id, VPC, CONSUMER.value()));
        }
        return groups;
    }

    static Subnet subnet(String id, String vpc, AccountId owner, String zone) {
        return new Subnet(id, vpc, owner.value(), zone, "10.0.0.0/24");
    }

    static RequestEndpoint validRequest(boolean acceptanceRequired) {
        return request(Optional.of(service(acceptanceRequired, CONSUMER.rootArn())), List.of(SUBNET_A, SUBNET_B),
                subnet(SUBNET_A, VPC, CONSUMER, "us-east-1a"), subnet(SUBNET_B, VPC, CONSUMER, "us-east-1b"));
    }

    static VpcEndpointRequested requested(String state) {
        return new VpcEndpointRequested(ID, CONSUMER.value(), "Interface", SERVICE_ID, SERVICE_NAME, VPC,
                List.of(SUBNET_A), state, "arn:aws:iam::" + CONSUMER.value() + ":root", List.of());
    }

    static List<ConsumerEvent> historyIn(EndpointState state) {
        return switch (state) {
            case PENDING_ACCEPTANCE -> List.of(requested("pendingAcceptance"));
            case PENDING -> List.of(requested("pending"));
            case AVAILABLE -> List.of(requested("pending"), new VpcEndpointAvailable(ID, List.of("eni-1"), DNS));
            case FAILED -> List.of(requested("pending"), new VpcEndpointFailed(ID, "no addresses"));
            case DELETING -> List.of(requested("pending"), new VpcEndpointDeletionRequested(ID, SERVICE_ID));
            case DELETED -> List.of(requested("pending"), new VpcEndpointDeletionRequested(ID, SERVICE_ID),
                    new VpcEndpointDeleted(ID));
            case REJECTED -> List.of(requested("pending"), new VpcEndpointRejected(ID, "not allowed", SERVICE_ID));
        };
    }

    @Test
    void starts_as_not_requested() {
        assertThat(DECIDER.initialState()).isEqualTo(new NotRequested());
        assertThat(nothing().state()).isInstanceOf(NotRequested.class);
    }

    @Nested
    class when_requested {
        @Test
        void is_pending_when_the_service_accepts_automatically() {
            var endpoint = nothing().when(validRequest(false)).then(new VpcEndpointRequested(ID, CONSUMER.value(),
                    "Interface", SERVICE_ID, SERVICE_NAME, VPC, List.of(SUBNET_A, SUBNET_B), "pending", "arn:aws:iam::" + CONSUMER.value() + ":root", List.of()),
                    new VpcEndpointSecurityGroupsChanged(ID, List.of(DEFAULT_GROUP)));
            assertThat(endpoint.state()).isEqualTo(EndpointState.PENDING);
        }

        @Test
        void is_pendingAcceptance_when_the_service_requires_acceptance() {
            var endpoint = nothing().when(validRequest(true)).then(new VpcEndpointRequested(ID, CONSUMER.value(),
                    "Interface", SERVICE_ID, SERVICE_NAME, VPC, List.of(SUBNET_A, SUBNET_B), "pendingAcceptance", "arn:aws:iam::" + CONSUMER.value() + ":root", List.of()),
                    new VpcEndpointSecurityGroupsChanged(ID, List.of(DEFAULT_GROUP)));
            assertThat(endpoint.state()).isEqualTo(EndpointState.PENDING_ACCEPTANCE);
        }

        @Test
        void is_allowed_to_the_service_s_owner_and_to_everyone_under_a_star_but_not_to_others() {
            var own = new RequestEndpoint(ID, Requester.root(PROVIDER), "Interface", SERVICE_NAME,
                    Optional.of(service(false)), VPC, Optional.of(new Vpc(VPC, PROVIDER.value(),
                    Optional.of(DEFAULT_GROUP))), List.of(SUBNET_A),
                    Map.of(SUBNET_A, subnet(SUBNET_A, VPC, PROVIDER, "us-east-1a")), List.of(), Map.of(), Map.of(),
                    AccessControls.DEFAULT);
            assertThat(DECIDER.decide(own, DECIDER.initialState())).hasSize(2);
            var everyone = request(Optional.of(service(false, "*")), List.of(SUBNET_A),
                    subnet(SUBNET_A, VPC, CONSUMER, "us-east-1a"));
            assertThat(DECIDER.decide(everyone, DECIDER.initialState())).hasSize(2);
            var other = request(Optional.of(service(false, STRANGER.rootArn())), List.of(SUBNET_A),
                    subnet(SUBNET_A, VPC, CONSUMER, "us-east-1a"));
            nothing().when(other).thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_SERVICE_NAME, "serviceName");
        }

        @Test
        void a_user_or_role_is_admitted_by_its_own_arn_or_its_account_s_root_but_not_by_a_colleague_s() {
            String ann = "arn:aws:iam::" + CONSUMER.value() + ":user/ann";
            String bob = "arn:aws:iam::" + CONSUMER.value() + ":role/ops/bob";
            Subnet subnet = subnet(SUBNET_A, VPC, CONSUMER, "us-east-1a");
            assertThat(DECIDER.decide(requestAs(new Requester(CONSUMER, ann), Optional.of(service(false, ann)),
                    List.of(SUBNET_A), subnet), DECIDER.initialState())).hasSize(2);
            assertThat(DECIDER.decide(requestAs(new Requester(CONSUMER, bob), Optional.of(service(false,
                    CONSUMER.rootArn())), List.of(SUBNET_A), subnet), DECIDER.initialState())).hasSize(2);
            nothing().when(requestAs(new Requester(CONSUMER, bob), Optional.of(service(false, ann)), List.of(SUBNET_A),
                    subnet)).thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_SERVICE_NAME, "serviceName");
            nothing().when(requestAs(Requester.root(CONSUMER), Optional.of(service(false, ann)), List.of(SUBNET_A),
                    subnet)).thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_SERVICE_NAME, "serviceName");
        }

        @Test
        void is_rejected_as_InvalidServiceName_for_a_service_unknown_or_not_available() {
            nothing().when(request(Optional.empty(), List.of(SUBNET_A), subnet(SUBNET_A, VPC, CONSUMER, "us-east-1a")))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_SERVICE_NAME, "serviceName");
            var pending = new EndpointServiceOffer(SERVICE_ID, SERVICE_NAME, "Interface", PROVIDER.value(), "Pending", false,
                    List.of("*"));
            nothing().when(request(Optional.of(pending), List.of(SUBNET_A), subnet(SUBNET_A, VPC, CONSUMER, "us-east-1a")))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_SERVICE_NAME, "serviceName");
        }

        @Test
        void is_rejected_for_a_VPC_unknown_or_of_another_account() {
            var base = validRequest(false);
            for (Optional<Vpc> vpc : List.of(Optional.<Vpc>empty(), Optional.of(new Vpc(VPC, STRANGER.value(), Optional.<String>empty())))) {
                var r = new RequestEndpoint(ID, Requester.root(CONSUMER), "Interface", SERVICE_NAME, base.service(), VPC, vpc,
                        base.subnetIds(), base.knownSubnets(), List.of(), Map.of(), Map.of(), AccessControls.DEFAULT);
                nothing().when(r).thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_VPC_ID_NOT_FOUND, "vpcId");
            }
        }

        @Test
        void is_rejected_for_a_subnet_unknown_of_another_account_in_another_VPC_or_sharing_a_zone() {
            var service = Optional.of(service(false, "*"));
            nothing().when(request(service, List.of(SUBNET_A, SUBNET_B), subnet(SUBNET_A, VPC, CONSUMER, "us-east-1a")))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_SUBNET_ID_NOT_FOUND, "subnetIds[1]");
            nothing().when(request(service, List.of(SUBNET_A), subnet(SUBNET_A, VPC, STRANGER, "us-east-1a")))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_SUBNET_ID_NOT_FOUND, "subnetIds[0]");
            nothing().when(request(service, List.of(SUBNET_A),
                            subnet(SUBNET_A, "vpc-ffffffffffffffff0", CONSUMER, "us-east-1a")))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER_VALUE, "subnetIds[0]");
            nothing().when(request(service, List.of(SUBNET_A, SUBNET_B), subnet(SUBNET_A, VPC, CONSUMER, "us-east-1a"),
                            subnet(SUBNET_B, VPC, CONSUMER, "us-east-1a")))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.DUPLICATE_SUBNETS_IN_SAME_ZONE, "subnetIds[1]");
        }
    }

    @Nested
    class when_the_provider_accepts_the_connection {
        @Test
        void goes_from_pendingAcceptance_to_pending() {
            var endpoint = endpointIn(EndpointState.PENDING_ACCEPTANCE).when(new AcceptConnection())
                    .then(new VpcEndpointAccepted(ID));
            assertThat(endpoint.state()).isEqualTo(EndpointState.PENDING);
        }

        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"PENDING", "AVAILABLE", "FAILED", "REJECTED", "DELETING", "DELETED"})
        void ignores_it_in_any_other_state(EndpointState state) {
            endpointIn(state).when(new AcceptConnection()).thenNothing();
        }
    }

    @Nested
    class when_the_provider_holds_the_connection_for_acceptance {
        @Test
        void a_pending_endpoint_whose_catalog_lagged_waits_for_acceptance_then_is_accepted() {
            var waiting = endpointIn(EndpointState.PENDING).when(new AwaitAcceptance())
                    .then(new VpcEndpointAwaitsAcceptance(ID));
            assertThat(waiting.state()).isEqualTo(EndpointState.PENDING_ACCEPTANCE);
            given(requested("pending"), new VpcEndpointAwaitsAcceptance(ID)).when(new AcceptConnection())
                    .then(new VpcEndpointAccepted(ID));
        }

        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"PENDING_ACCEPTANCE", "AVAILABLE", "FAILED", "REJECTED",
                "DELETING", "DELETED"})
        void changes_nothing_in_any_other_state(EndpointState state) {
            endpointIn(state).when(new AwaitAcceptance()).thenNothing();
        }
    }

    @Nested
    class when_its_names_are_published {
        final PublishDns publish = new PublishDns(List.of("eni-0000000000000000a"), DNS);

        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"PENDING_ACCEPTANCE", "PENDING"})
        void becomes_available_with_its_interfaces_and_names(EndpointState state) {
            var endpoint = endpointIn(state).when(publish)
                    .then(new VpcEndpointAvailable(ID, publish.networkInterfaceIds(), DNS));
            assertThat(endpoint.state()).isEqualTo(EndpointState.AVAILABLE);
            assertThat(endpoint.networkInterfaceIds()).containsExactly("eni-0000000000000000a");
            assertThat(endpoint.dnsEntries()).isEqualTo(DNS);
        }

        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"AVAILABLE", "FAILED", "REJECTED", "DELETING", "DELETED"})
        void ignores_them_when_available_already_failed_or_being_removed(EndpointState state) {
            endpointIn(state).when(publish).thenNothing();
        }
    }

    @Nested
    class when_its_subnets_change {
        static final String SUBNET_C = "subnet-0000000000000000c";
        final Subnet a = subnet(SUBNET_A, VPC, CONSUMER, "us-east-1a");
        final Subnet b = subnet(SUBNET_B, VPC, CONSUMER, "us-east-1b");

        ModifyEndpoint change(List<String> add, List<String> remove, Subnet... known) {
            Map<String, Subnet> byId = new HashMap<>();
            for (Subnet s : known) {
                byId.put(s.subnetId(), s);
            }
            return new ModifyEndpoint(ID, CONSUMER, new Changes(add, remove), byId, Changes.NONE, Map.of(),
                    new PolicyChange.Keep(), Changes.NONE, Map.of());
        }

        @Test
        void an_available_endpoint_is_pending_on_its_new_subnets_then_available_on_its_new_interfaces() {
            var changing = endpointIn(EndpointState.AVAILABLE).when(change(List.of(SUBNET_B), List.of(), a, b))
                    .then(new VpcEndpointSubnetsChanged(ID, SERVICE_ID, VPC, List.of(SUBNET_A, SUBNET_B),
                            List.of(SUBNET_B), List.of()));
            assertThat(changing.state()).isEqualTo(EndpointState.PENDING);
            assertThat(changing.subnetIds()).containsExactly(SUBNET_A, SUBNET_B);

            var history = new ArrayList<>(historyIn(EndpointState.AVAILABLE));
            history.add(new VpcEndpointSubnetsChanged(ID, SERVICE_ID, VPC, List.of(SUBNET_A, SUBNET_B),
                    List.of(SUBNET_B), List.of()));
            var names = List.of(new DnsEntry("vpce-x.example", "Z1"), new DnsEntry("vpce-x-us-east-1b.example", "Z1"));
            var available = new Given(history).when(new PublishDns(List.of("eni-1", "eni-2"), names))
                    .then(new VpcEndpointAvailable(ID, List.of("eni-1", "eni-2"), names));
            assertThat(available.state()).isEqualTo(EndpointState.AVAILABLE);
            assertThat(available.networkInterfaceIds()).containsExactly("eni-1", "eni-2");
            assertThat(available.subnetIds()).containsExactly(SUBNET_A, SUBNET_B);
        }

        @Test
        void a_removed_subnet_leaves_and_an_added_one_comes_in_one_change() {
            endpointIn(EndpointState.AVAILABLE).when(change(List.of(SUBNET_B), List.of(SUBNET_A), a, b))
                    .then(new VpcEndpointSubnetsChanged(ID, SERVICE_ID, VPC, List.of(SUBNET_B), List.of(SUBNET_B),
                            List.of(SUBNET_A)));
        }

        @Test
        void a_change_the_network_could_not_make_leaves_it_available_on_its_old_subnets_with_the_reason() {
            var history = new ArrayList<>(historyIn(EndpointState.AVAILABLE));
            history.add(new VpcEndpointSubnetsChanged(ID, SERVICE_ID, VPC, List.of(SUBNET_A, SUBNET_B),
                    List.of(SUBNET_B), List.of()));
            var failed = new Given(history).when(new FailModification("subnet is full", List.of(SUBNET_A), List.of()))
                    .then(new VpcEndpointModificationFailed(ID, "subnet is full", List.of(SUBNET_A), List.of()));
            assertThat(failed.state()).isEqualTo(EndpointState.AVAILABLE);
            assertThat(failed.subnetIds()).containsExactly(SUBNET_A);
            assertThat(failed.failureReason()).isEqualTo("subnet is full");
            assertThat(failed.networkInterfaceIds()).containsExactly("eni-1");
        }

        @Test
        void a_new_endpoint_still_pending_never_takes_a_modification_failure_and_a_changing_one_never_awaits_acceptance() {
            endpointIn(EndpointState.PENDING).when(new FailModification("x", List.of(SUBNET_A), List.of())).thenNothing();
            var history = new ArrayList<>(historyIn(EndpointState.AVAILABLE));
            history.add(new VpcEndpointSubnetsChanged(ID, SERVICE_ID, VPC, List.of(SUBNET_A, SUBNET_B),
                    List.of(SUBNET_B), List.of()));
            new Given(history).when(new AwaitAcceptance()).thenNothing();
        }

        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"PENDING_ACCEPTANCE", "PENDING", "FAILED", "REJECTED",
                "DELETING", "DELETED"})
        void is_refused_unless_the_endpoint_is_available(EndpointState state) {
            endpointIn(state).when(change(List.of(SUBNET_B), List.of(), a, b))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INCORRECT_STATE, "vpcEndpointId");
        }

        @Test
        void names_the_field_at_fault() {
            var available = endpointIn(EndpointState.AVAILABLE);
            available.when(change(List.of(), List.of(SUBNET_B), a, b))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER_VALUE, "removeSubnetIds[0]");
            available.when(change(List.of(), List.of(SUBNET_A), a))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER_VALUE, "removeSubnetIds");
            available.when(change(List.of(SUBNET_A), List.of(), a))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER_VALUE, "addSubnetIds[0]");
            available.when(change(List.of(SUBNET_C, SUBNET_B), List.of(), a))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_SUBNET_ID_NOT_FOUND, "addSubnetIds[0]");
            available.when(change(List.of(SUBNET_B), List.of(), a, subnet(SUBNET_B, VPC, STRANGER, "us-east-1b")))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_SUBNET_ID_NOT_FOUND, "addSubnetIds[0]");
            available.when(change(List.of(SUBNET_B), List.of(), a,
                            subnet(SUBNET_B, "vpc-ffffffffffffffff0", CONSUMER, "us-east-1b")))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER_VALUE, "addSubnetIds[0]");
            available.when(change(List.of(SUBNET_B), List.of(), a, subnet(SUBNET_B, VPC, CONSUMER, "us-east-1a")))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.DUPLICATE_SUBNETS_IN_SAME_ZONE, "addSubnetIds[0]");
        }

        @Test
        void a_zone_freed_by_a_removed_subnet_takes_a_new_one() {
            endpointIn(EndpointState.AVAILABLE).when(change(List.of(SUBNET_B), List.of(SUBNET_A), a,
                            subnet(SUBNET_B, VPC, CONSUMER, "us-east-1a")))
                    .then(new VpcEndpointSubnetsChanged(ID, SERVICE_ID, VPC, List.of(SUBNET_B), List.of(SUBNET_B),
                            List.of(SUBNET_A)));
        }

        @Test
        void is_not_found_for_another_account() {
            endpointIn(EndpointState.AVAILABLE).when(new ModifyEndpoint(ID, STRANGER, new Changes(List.of(SUBNET_B),
                            List.of()), Map.of(SUBNET_B, b), Changes.NONE, Map.of(), new PolicyChange.Keep(), Changes.NONE,
                            Map.of()))
                    .thenRejected(Rejection.Kind.NOT_FOUND, ErrorCode.INVALID_VPC_ENDPOINT_ID_NOT_FOUND, "vpcEndpointId");
        }
    }

    @Nested
    class when_its_security_groups_or_policy_change {
        static final String POLICY = "{\"Statement\":[]}";

        ModifyEndpoint change(Changes groups, PolicyChange policy) {
            return new ModifyEndpoint(ID, CONSUMER, Changes.NONE, Map.of(), groups, consumerGroups(), policy,
                    Changes.NONE, Map.of());
        }

        @Test
        void a_request_with_security_groups_and_a_policy_records_them_after_the_request() {
            var request = validRequest(false);
            var withAccess = new RequestEndpoint(ID, request.caller(), "Interface", SERVICE_NAME, request.service(),
                    VPC, request.vpc(), request.subnetIds(), request.knownSubnets(), List.of(), Map.of(),
                    consumerGroups(), new AccessControls(List.of(SG_1), POLICY));
            List<ConsumerEvent> decided = DECIDER.decide(withAccess, DECIDER.initialState());
            assertThat(decided).hasSize(3).element(0).isInstanceOf(VpcEndpointRequested.class);
            assertThat(decided.subList(1, 3)).containsExactly(new VpcEndpointSecurityGroupsChanged(ID, List.of(SG_1)),
                    new VpcEndpointPolicyChanged(ID, POLICY));
            var endpoint = (VpcEndpoint) new Given(decided).state();
            assertThat(endpoint.access()).isEqualTo(new AccessControls(List.of(SG_1), POLICY));
        }

        @Test
        void a_request_names_only_the_caller_s_groups_in_its_vpc() {
            var request = validRequest(false);
            Map<String, SecurityGroup> known = new HashMap<>(consumerGroups());
            known.put("sg-000000000000000aa", new SecurityGroup("sg-000000000000000aa", VPC, STRANGER.value()));
            known.put("sg-000000000000000bb", new SecurityGroup("sg-000000000000000bb", "vpc-0000000000000000b",
                    CONSUMER.value()));
            for (String group : List.of("sg-000000000000000ff", "sg-000000000000000aa", "sg-000000000000000bb")) {
                var named = new RequestEndpoint(ID, request.caller(), "Interface", SERVICE_NAME, request.service(),
                        VPC, request.vpc(), request.subnetIds(), request.knownSubnets(), List.of(), Map.of(), known,
                        new AccessControls(List.of(SG_1, group), null));
                nothing().when(named).thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_GROUP_NOT_FOUND,
                        "securityGroupIds[1]");
            }
        }

        @Test
        void a_request_without_groups_in_a_vpc_whose_default_group_is_unknown_is_refused() {
            var request = validRequest(false);
            var noDefault = new RequestEndpoint(ID, request.caller(), "Interface", SERVICE_NAME, request.service(),
                    VPC, Optional.of(new Vpc(VPC, CONSUMER.value(), Optional.empty())), request.subnetIds(),
                    request.knownSubnets(), List.of(), Map.of(), Map.of(), AccessControls.DEFAULT);
            nothing().when(noDefault).thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_GROUP_NOT_FOUND,
                    "securityGroupIds");
        }

        @Test
        void an_added_group_must_be_the_owner_s_in_the_endpoint_s_vpc() {
            var added = new Changes(List.of(SG_1, "sg-000000000000000ff"), List.of());
            endpointIn(EndpointState.AVAILABLE).when(change(added, new PolicyChange.Keep()))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_GROUP_NOT_FOUND, "addSecurityGroupIds[1]");
            var elsewhere = new ModifyEndpoint(ID, CONSUMER, Changes.NONE, Map.of(), new Changes(List.of(SG_1),
                    List.of()), Map.of(SG_1, new SecurityGroup(SG_1, "vpc-0000000000000000b", CONSUMER.value())),
                    new PolicyChange.Keep(), Changes.NONE, Map.of());
            endpointIn(EndpointState.AVAILABLE).when(elsewhere)
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_GROUP_NOT_FOUND, "addSecurityGroupIds[0]");
        }

        @Test
        void a_request_without_them_has_the_vpc_s_default_group_and_the_default_policy() {
            var endpoint = nothing().when(validRequest(false)).then(DECIDER.decide(validRequest(false),
                    DECIDER.initialState()).toArray(ConsumerEvent[]::new));
            assertThat(endpoint.access().securityGroupIds()).containsExactly(DEFAULT_GROUP);
            assertThat(endpoint.access().policyInForce()).isEqualTo(AccessControls.FULL_ACCESS);
        }

        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"PENDING_ACCEPTANCE", "PENDING", "AVAILABLE", "FAILED",
                "REJECTED"})
        void change_at_once_in_any_state_but_being_removed(EndpointState state) {
            var added = endpointIn(state).when(change(new Changes(List.of(SG_1, SG_2), List.of()),
                    new PolicyChange.Replace(POLICY))).then(new VpcEndpointSecurityGroupsChanged(ID,
                    List.of(SG_1, SG_2)), new VpcEndpointPolicyChanged(ID, POLICY));
            assertThat(added.state()).isEqualTo(state);
            assertThat(added.access()).isEqualTo(new AccessControls(List.of(SG_1, SG_2), POLICY));

            var history = new ArrayList<>(historyIn(state));
            history.add(new VpcEndpointSecurityGroupsChanged(ID, List.of(SG_1, SG_2)));
            history.add(new VpcEndpointPolicyChanged(ID, POLICY));
            var reset = new Given(history).when(change(new Changes(List.of(), List.of(SG_1)), new PolicyChange.Reset()))
                    .then(new VpcEndpointSecurityGroupsChanged(ID, List.of(SG_2)), new VpcEndpointPolicyChanged(ID, null));
            assertThat(reset.access()).isEqualTo(new AccessControls(List.of(SG_2), null));
        }

        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"DELETING", "DELETED"})
        void is_refused_once_the_endpoint_is_being_removed(EndpointState state) {
            endpointIn(state).when(change(new Changes(List.of(SG_1), List.of()), new PolicyChange.Keep()))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INCORRECT_STATE, "vpcEndpointId");
        }

        @Test
        void a_policy_already_in_force_decides_nothing() {
            endpointIn(EndpointState.AVAILABLE).when(change(Changes.NONE, new PolicyChange.Reset())).thenNothing();
            var history = new ArrayList<>(historyIn(EndpointState.AVAILABLE));
            history.add(new VpcEndpointPolicyChanged(ID, POLICY));
            new Given(history).when(change(Changes.NONE, new PolicyChange.Replace(POLICY))).thenNothing();
        }

        @Test
        void names_the_security_group_at_fault_and_records_nothing_of_a_change_refused_elsewhere() {
            var history = new ArrayList<>(historyIn(EndpointState.AVAILABLE));
            history.add(new VpcEndpointSecurityGroupsChanged(ID, List.of(SG_1)));
            var given = new Given(history);
            given.when(change(new Changes(List.of(SG_1), List.of()), new PolicyChange.Keep()))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER_VALUE, "addSecurityGroupIds[0]");
            given.when(change(new Changes(List.of(), List.of(SG_2)), new PolicyChange.Keep()))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER_VALUE,
                            "removeSecurityGroupIds[0]");
            List<String> many = new ArrayList<>();
            for (int i = 2; i <= 17; i++) {
                many.add(String.format("sg-%08x", i));
            }
            given.when(change(new Changes(many, List.of()), new PolicyChange.Keep()))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER_VALUE, "addSecurityGroupIds");
            given.when(change(new Changes(List.of(), List.of(SG_1)), new PolicyChange.Keep()))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER, "removeSecurityGroupIds");
            given.when(change(new Changes(List.of(SG_2), List.of(SG_1)), new PolicyChange.Keep()))
                    .then(new VpcEndpointSecurityGroupsChanged(ID, List.of(SG_2))); // replaced, not emptied
            // a subnet change refused refuses the groups and the policy asked with it
            given.when(new ModifyEndpoint(ID, CONSUMER, new Changes(List.of(), List.of(SUBNET_B)), Map.of(),
                            new Changes(List.of(SG_2), List.of()), consumerGroups(), new PolicyChange.Replace(POLICY),
                            Changes.NONE, Map.of()))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER_VALUE, "removeSubnetIds[0]");
        }
    }

    @Nested
    class when_the_provider_refuses_the_connection {
        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"PENDING_ACCEPTANCE", "PENDING", "AVAILABLE"})
        void is_rejected_with_the_reason_and_names_its_service_for_the_takedown(EndpointState state) {
            var endpoint = endpointIn(state).when(new RejectConnection("not allowed"))
                    .then(new VpcEndpointRejected(ID, "not allowed", SERVICE_ID));
            assertThat(endpoint.state()).isEqualTo(EndpointState.REJECTED);
            assertThat(endpoint.failureReason()).isEqualTo("not allowed");
            assertThat(endpoint.released()).isFalse();
        }

        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"FAILED", "REJECTED", "DELETING", "DELETED"})
        void ignores_it_in_any_other_state(EndpointState state) {
            endpointIn(state).when(new RejectConnection("late")).thenNothing();
        }

        @Test
        void once_its_network_is_released_it_stays_rejected_without_interfaces_or_names() {
            var rejected = given(requested("pending"), new VpcEndpointAvailable(ID, List.of("eni-1"), DNS),
                    new VpcEndpointRejected(ID, "not a customer", SERVICE_ID));
            var endpoint = rejected.when(new ReleaseNetwork()).then(new VpcEndpointReleased(ID));
            assertThat(endpoint.state()).isEqualTo(EndpointState.REJECTED);
            assertThat(endpoint.failureReason()).isEqualTo("not a customer");
            assertThat(endpoint.networkInterfaceIds()).isEmpty();
            assertThat(endpoint.dnsEntries()).isEmpty();
            assertThat(endpoint.released()).isTrue();
        }

        @Test
        void a_rejected_endpoint_still_being_taken_down_is_deleting_until_its_network_is_released() {
            endpointIn(EndpointState.REJECTED).when(new DeleteEndpoint(ID, CONSUMER))
                    .then(new VpcEndpointDeletionRequested(ID, SERVICE_ID));
            var deleting = new ArrayList<>(historyIn(EndpointState.REJECTED));
            deleting.add(new VpcEndpointDeletionRequested(ID, SERVICE_ID));
            var endpoint = new Given(deleting).when(new ReleaseNetwork()).then(new VpcEndpointDeleted(ID));
            assertThat(endpoint.state()).isEqualTo(EndpointState.DELETED);
        }

        @Test
        void a_rejected_endpoint_already_taken_down_is_deleted_at_once() {
            var endpoint = given(requested("pending"), new VpcEndpointRejected(ID, "no", SERVICE_ID),
                    new VpcEndpointReleased(ID)).when(new DeleteEndpoint(ID, CONSUMER))
                    .then(new VpcEndpointDeletionRequested(ID, SERVICE_ID), new VpcEndpointDeleted(ID));
            assertThat(endpoint.state()).isEqualTo(EndpointState.DELETED);
        }

        @Test
        void a_second_release_changes_nothing() {
            given(requested("pending"), new VpcEndpointRejected(ID, "no", SERVICE_ID), new VpcEndpointReleased(ID))
                    .when(new ReleaseNetwork()).thenNothing();
        }
    }

    @Nested
    class when_its_network_fails {
        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"PENDING_ACCEPTANCE", "PENDING"})
        void fails_with_the_reason(EndpointState state) {
            var endpoint = endpointIn(state).when(new FailNetwork("subnet full"))
                    .then(new VpcEndpointFailed(ID, "subnet full"));
            assertThat(endpoint.state()).isEqualTo(EndpointState.FAILED);
            assertThat(endpoint.failureReason()).isEqualTo("subnet full");
        }

        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"AVAILABLE", "FAILED", "REJECTED", "DELETING", "DELETED"})
        void ignores_it_in_any_other_state(EndpointState state) {
            endpointIn(state).when(new FailNetwork("late")).thenNothing();
        }
    }

    @Nested
    class when_deleted_by_its_owner {
        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"PENDING_ACCEPTANCE", "PENDING", "AVAILABLE", "FAILED", "REJECTED"})
        void is_deleting(EndpointState state) {
            var endpoint = endpointIn(state).when(new DeleteEndpoint(ID, CONSUMER))
                    .then(new VpcEndpointDeletionRequested(ID, SERVICE_ID));
            assertThat(endpoint.state()).isEqualTo(EndpointState.DELETING);
        }

        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"DELETING", "DELETED"})
        void decides_nothing_new_when_already_being_removed(EndpointState state) {
            endpointIn(state).when(new DeleteEndpoint(ID, CONSUMER)).thenNothing();
        }

        @ParameterizedTest
        @EnumSource(value = EndpointState.class)
        void is_not_found_for_another_account_in_any_state(EndpointState state) {
            endpointIn(state).when(new DeleteEndpoint(ID, STRANGER))
                    .thenRejected(Rejection.Kind.NOT_FOUND, ErrorCode.INVALID_VPC_ENDPOINT_ID_NOT_FOUND, "vpcEndpointId");
        }

        @Test
        void is_not_found_when_never_requested() {
            nothing().when(new DeleteEndpoint(ID, CONSUMER))
                    .thenRejected(Rejection.Kind.NOT_FOUND, ErrorCode.INVALID_VPC_ENDPOINT_ID_NOT_FOUND, "vpcEndpointId");
        }
    }

    @Nested
    class when_its_network_is_released {
        @Test
        void is_deleted_if_it_was_deleting() {
            var endpoint = endpointIn(EndpointState.DELETING).when(new ReleaseNetwork()).then(new VpcEndpointDeleted(ID));
            assertThat(endpoint.state()).isEqualTo(EndpointState.DELETED);
        }

        @ParameterizedTest
        @EnumSource(value = EndpointState.class,
                names = {"PENDING_ACCEPTANCE", "PENDING", "AVAILABLE", "FAILED", "DELETED"})
        void ignores_it_in_any_other_state_but_rejected(EndpointState state) {
            endpointIn(state).when(new ReleaseNetwork()).thenNothing();
        }
    }

    @Test
    void ignores_other_services_events_when_never_requested() {
        for (EndpointCommand command : List.of(new AwaitAcceptance(), new AcceptConnection(),
                new PublishDns(List.of(), List.of()),
                new FailNetwork("x"), new RejectConnection("x"), new ReleaseNetwork())) {
            nothing().when(command).thenNothing();
        }
    }

    @Test
    void keeps_its_creation_time_and_what_it_connects_to_through_its_lifecycle() {
        var created = Instant.parse("2025-01-01T00:00:00Z");
        var state = DECIDER.evolve(DECIDER.initialState(), requested("pendingAcceptance"), created);
        state = DECIDER.evolve(state, new VpcEndpointAccepted(ID), Instant.now());
        state = DECIDER.evolve(state, new VpcEndpointAvailable(ID, List.of("eni-1"), DNS), Instant.now());
        assertThat(state).isInstanceOfSatisfying(VpcEndpoint.class, endpoint -> {
            assertThat(endpoint.creationTime()).isEqualTo(created);
            assertThat(endpoint.subnetIds()).containsExactly(SUBNET_A);
            assertThat(endpoint.serviceName()).isEqualTo(SERVICE_NAME);
            assertThat(endpoint.state()).isEqualTo(EndpointState.AVAILABLE);
        });
    }

    @Test
    void refuses_a_stream_that_does_not_start_with_its_request() {
        assertThatThrownBy(() -> DECIDER.evolve(DECIDER.initialState(), new VpcEndpointAccepted(ID), Instant.EPOCH))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> given(requested("pending")).when(validRequest(false)).thenNothing())
                .isInstanceOf(IllegalStateException.class);
    }
}
