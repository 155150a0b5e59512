package dev.privet.provider.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.ProviderEvent;
import dev.privet.contracts.events.ProviderEvent.AcceptanceRequirementChanged;
import dev.privet.contracts.events.ProviderEvent.AllowedPrincipalsAdded;
import dev.privet.contracts.events.ProviderEvent.AllowedPrincipalsRemoved;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionDeleted;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionRejected;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionRequested;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceAvailable;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceDeleted;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceFailed;
import dev.privet.provider.domain.EndpointServiceCommand.AcceptConnections;
import dev.privet.provider.domain.EndpointServiceCommand.ChangeAcceptance;
import dev.privet.provider.domain.EndpointServiceCommand.ConfirmLoadBalancers;
import dev.privet.provider.domain.EndpointServiceCommand.CreateEndpointService;
import dev.privet.provider.domain.EndpointServiceCommand.DeleteConnection;
import dev.privet.provider.domain.EndpointServiceCommand.DeleteService;
import dev.privet.provider.domain.EndpointServiceCommand.ModifyPermissions;
import dev.privet.provider.domain.EndpointServiceCommand.RefuseLoadBalancers;
import dev.privet.provider.domain.EndpointServiceCommand.RejectConnections;
import dev.privet.provider.domain.EndpointServiceCommand.RequestConnection;
import dev.privet.provider.domain.EndpointServiceState.NotCreated;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Given an endpoint service's events, when a command arrives, then these events (or this rejection). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EndpointServiceDeciderTest {
    private static final EndpointServiceDecider DECIDER = new EndpointServiceDecider();
    private static final String SERVICE = "vpce-svc-0123456789abcdef0";
    private static final String NAME = "com.amazonaws.vpce.us-east-1." + SERVICE;
    private static final String OWNER = "111122223333";
    private static final String CONSUMER = "444455556666";
    private static final String LB = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/web/0123456789abcdef";
    private static final String ENDPOINT = "vpce-0aaaaaaaaaaaaaaaa";
    private static final String VPC = "vpc-0bbbbbbbbbbbbbbbb";
    private static final List<String> SUBNETS = List.of("subnet-0cccccccccccccccc");

    private static final EndpointServiceAvailable AVAILABLE = new EndpointServiceAvailable(SERVICE);
    private static final AllowedPrincipalsAdded CONSUMER_ALLOWED =
            new AllowedPrincipalsAdded(SERVICE, List.of("arn:aws:iam::" + CONSUMER + ":root"));
    private static final RequestConnection REQUEST = new RequestConnection(ENDPOINT, CONSUMER,
            "arn:aws:iam::" + CONSUMER + ":root", VPC, SUBNETS);
    private static final EndpointConnectionAccepted ACCEPTED =
            new EndpointConnectionAccepted(SERVICE, ENDPOINT, CONSUMER, VPC, SUBNETS, List.of(LB));
    private static final EndpointServiceDeleted DELETED = new EndpointServiceDeleted(SERVICE, OWNER, List.of(LB));

    private static EndpointServiceCreated created(boolean acceptanceRequired) {
        return new EndpointServiceCreated(SERVICE, NAME, OWNER, "us-east-1", List.of(LB), acceptanceRequired);
    }

    /** The stream so far. */
    private static History given(ProviderEvent... events) {
        return new History(List.of(events));
    }

    private record History(List<ProviderEvent> events) {
        EndpointServiceState state() {
            EndpointServiceState state = DECIDER.initialState();
            for (ProviderEvent e : events) {
                state = DECIDER.evolve(state, e, Instant.EPOCH);
            }
            return state;
        }

        Outcome when(EndpointServiceCommand command) {
            return new Outcome(state(), command);
        }
    }

    private record Outcome(EndpointServiceState state, EndpointServiceCommand command) {
        void then(ProviderEvent... expected) {
            assertThat(DECIDER.decide(command, state)).containsExactly(expected);
        }

        void thenNothing() {
            assertThat(DECIDER.decide(command, state)).isEmpty();
        }

        <E extends ProviderEvent> void thenOne(Class<E> type, Consumer<E> requirements) {
            assertThat(DECIDER.decide(command, state)).singleElement().isInstanceOfSatisfying(type, requirements);
        }

        void thenRejected(Rejection.Kind kind, ErrorCode code, String field) {
            assertThatThrownBy(() -> DECIDER.decide(command, state)).isInstanceOfSatisfying(Rejection.class, r -> {
                assertThat(r.kind()).isEqualTo(kind);
                assertThat(r.code()).isEqualTo(code);
                assertThat(r.field()).isEqualTo(field);
            });
        }
    }

    @Nested
    class Create {
        private static final CreateEndpointService CREATE =
                new CreateEndpointService(SERVICE, NAME, OWNER, "us-east-1", List.of(LB), true);

        @Test
        void a_new_service_starts_Pending_with_no_allowed_principals() {
            given().when(CREATE).then(created(true));
            assertThat(given(created(true)).state()).isInstanceOfSatisfying(EndpointService.class, s -> {
                assertThat(s.state()).isEqualTo(ServiceState.Pending);
                assertThat(s.allowedPrincipals()).isEmpty();
                assertThat(s.networkLoadBalancerArns()).containsExactly(LB);
            });
        }

        @Test
        void a_stream_without_events_is_a_service_not_created_yet() {
            assertThat(given().state()).isEqualTo(new NotCreated());
        }

        @Test
        void an_id_that_already_has_a_service_is_refused() {
            given(created(true)).when(CREATE)
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER_VALUE, "serviceId");
        }

        @Test
        void a_stream_that_does_not_begin_with_its_creation_cannot_be_read() {
            assertThatThrownBy(() -> given(AVAILABLE).state()).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class Load_balancer_verification {
        @Test
        void verified_load_balancers_make_a_Pending_service_Available() {
            given(created(true)).when(new ConfirmLoadBalancers()).then(AVAILABLE);
        }

        @Test
        void rejected_load_balancers_make_a_Pending_service_Failed_with_the_reason() {
            given(created(true)).when(new RefuseLoadBalancers("not a network load balancer"))
                    .then(new EndpointServiceFailed(SERVICE, "not a network load balancer"));
        }

        @Test
        void a_repeated_verification_of_an_Available_service_changes_nothing() {
            given(created(true), AVAILABLE).when(new ConfirmLoadBalancers()).thenNothing();
        }

        @Test
        void a_late_verification_of_a_Failed_service_changes_nothing() {
            given(created(true), new EndpointServiceFailed(SERVICE, "gone")).when(new ConfirmLoadBalancers())
                    .thenNothing();
        }

        @Test
        void a_verification_of_a_service_never_created_changes_nothing() {
            given().when(new ConfirmLoadBalancers()).thenNothing();
            given().when(new RefuseLoadBalancers("gone")).thenNothing();
        }
    }

    @Nested
    class Permissions {
        @Test
        void adds_only_principals_not_yet_allowed_then_removes() {
            given(created(true), new AllowedPrincipalsAdded(SERVICE, List.of("*")))
                    .when(new ModifyPermissions(OWNER, List.of("*", "arn:aws:iam::444455556666:root"), List.of("*")))
                    .then(new AllowedPrincipalsAdded(SERVICE, List.of("arn:aws:iam::444455556666:root")),
                            new AllowedPrincipalsRemoved(SERVICE, List.of("*")));
        }

        @Test
        void a_principal_named_in_both_lists_ends_up_not_allowed() {
            given(created(true)).when(new ModifyPermissions(OWNER, List.of("*"), List.of("*")))
                    .then(new AllowedPrincipalsAdded(SERVICE, List.of("*")),
                            new AllowedPrincipalsRemoved(SERVICE, List.of("*")));
        }

        @Test
        void removing_a_principal_that_is_not_allowed_changes_nothing() {
            given(created(true)).when(new ModifyPermissions(OWNER, List.of(), List.of("*"))).thenNothing();
        }

        @Test
        void another_accounts_service_is_not_found() {
            given(created(true)).when(new ModifyPermissions(CONSUMER, List.of("*"), List.of()))
                    .thenRejected(Rejection.Kind.NOT_FOUND, ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND,
                            "serviceId");
        }

        @Test
        void a_service_never_created_is_not_found() {
            given().when(new ModifyPermissions(OWNER, List.of("*"), List.of()))
                    .thenRejected(Rejection.Kind.NOT_FOUND, ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND,
                            "serviceId");
        }

        @Test
        void a_service_allows_at_most_a_thousand_principals() {
            List<String> thousand = IntStream.range(0, EndpointServiceDecider.MAX_ALLOWED_PRINCIPALS)
                    .mapToObj(i -> "arn:aws:iam::%012d:root".formatted(i)).toList();
            var full = given(created(true), new AllowedPrincipalsAdded(SERVICE, thousand));
            full.when(new ModifyPermissions(OWNER, List.of("*"), List.of()))
                    .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER_VALUE, "addAllowedPrincipals");
            full.when(new ModifyPermissions(OWNER, List.of("*"), List.of(thousand.getFirst())))
                    .then(new AllowedPrincipalsAdded(SERVICE, List.of("*")),
                            new AllowedPrincipalsRemoved(SERVICE, List.of(thousand.getFirst())));
        }
    }

    @Nested
    class Connections {
        @Test
        void an_endpoint_on_an_Available_service_without_acceptance_is_accepted_with_the_load_balancers() {
            given(created(false), AVAILABLE, CONSUMER_ALLOWED).when(REQUEST).then(ACCEPTED);
        }

        @Test
        void an_endpoint_on_a_service_that_requires_acceptance_waits_for_it() {
            given(created(true), AVAILABLE, CONSUMER_ALLOWED).when(REQUEST)
                    .then(new EndpointConnectionRequested(SERVICE, ENDPOINT, CONSUMER, VPC, SUBNETS));
        }

        @Test
        void a_connection_already_known_is_not_added_twice() {
            given(created(false), AVAILABLE, ACCEPTED).when(REQUEST).thenNothing();
            given(created(false), new EndpointConnectionRejected(SERVICE, ENDPOINT, CONSUMER, "not Available"))
                    .when(REQUEST).thenNothing();
        }

        @Test
        void an_endpoint_on_a_service_that_is_not_Available_is_refused_with_the_reason() {
            given(created(false), CONSUMER_ALLOWED).when(REQUEST)
                    .thenOne(EndpointConnectionRejected.class, e -> assertThat(e.reason()).contains("not Available"));
            given(created(false), new EndpointServiceFailed(SERVICE, "gone"), CONSUMER_ALLOWED).when(REQUEST)
                    .thenOne(EndpointConnectionRejected.class, e -> assertThat(e.reason()).contains("Failed"));
        }

        @Test
        void an_endpoint_of_an_account_no_principal_admits_is_refused_even_if_the_consumers_catalog_lagged() {
            given(created(false), AVAILABLE).when(REQUEST).thenOne(EndpointConnectionRejected.class,
                    e -> assertThat(e.reason()).contains("not an allowed principal"));
            given(created(false), AVAILABLE, CONSUMER_ALLOWED,
                    new AllowedPrincipalsRemoved(SERVICE, CONSUMER_ALLOWED.principals()))
                    .when(REQUEST).thenOne(EndpointConnectionRejected.class, e -> assertThat(e.vpcEndpointId())
                            .isEqualTo(ENDPOINT));
        }

        @Test
        void the_owners_own_endpoints_and_those_admitted_by_a_star_need_no_other_permission() {
            given(created(false), AVAILABLE).when(new RequestConnection(ENDPOINT, OWNER, "arn:aws:iam::" + OWNER
                    + ":root", VPC, SUBNETS))
                    .thenOne(EndpointConnectionAccepted.class, e -> assertThat(e.endpointOwnerId()).isEqualTo(OWNER));
            given(created(false), AVAILABLE, new AllowedPrincipalsAdded(SERVICE, List.of("*"))).when(REQUEST)
                    .then(ACCEPTED);
        }

        @Test
        void a_user_allowed_by_its_arn_connects_and_a_colleague_of_its_account_does_not() {
            String ann = "arn:aws:iam::" + CONSUMER + ":user/ann";
            var annAllowed = new AllowedPrincipalsAdded(SERVICE, List.of(ann));
            given(created(false), AVAILABLE, annAllowed)
                    .when(new RequestConnection(ENDPOINT, CONSUMER, ann, VPC, SUBNETS)).then(ACCEPTED);
            given(created(false), AVAILABLE, annAllowed).when(REQUEST)
                    .thenOne(EndpointConnectionRejected.class, e -> assertThat(e.reason()).contains(":root"));
        }

        @Test
        void an_endpoint_on_a_service_never_created_changes_nothing() {
            given().when(REQUEST).thenNothing();
        }

        @Test
        void deleting_a_connection_closes_it_once() {
            given(created(false), AVAILABLE, ACCEPTED).when(new DeleteConnection(ENDPOINT))
                    .then(new EndpointConnectionDeleted(SERVICE, ENDPOINT));
            given(created(false), AVAILABLE, ACCEPTED, new EndpointConnectionDeleted(SERVICE, ENDPOINT))
                    .when(new DeleteConnection(ENDPOINT)).thenNothing();
        }

        @Test
        void deleting_an_unknown_connection_changes_nothing() {
            given(created(false)).when(new DeleteConnection(ENDPOINT)).thenNothing();
            given().when(new DeleteConnection(ENDPOINT)).thenNothing();
        }

        @Test
        void the_state_keeps_each_connection_with_its_latest_state() {
            var state = given(created(false), AVAILABLE, ACCEPTED, new EndpointConnectionDeleted(SERVICE, ENDPOINT))
                    .state();
            assertThat(state).isInstanceOfSatisfying(EndpointService.class, s -> assertThat(s.connection(ENDPOINT))
                    .hasValueSatisfying(c -> {
                        assertThat(c.state()).isEqualTo(ConnectionState.DELETED);
                        assertThat(c.subnetIds()).isEqualTo(SUBNETS);
                    }));
        }
    }

    @Nested
    class Acceptance_requirement {
        @Test
        void the_owner_turns_it_off_and_the_next_endpoint_is_accepted_at_once() {
            given(created(true), AVAILABLE).when(new ChangeAcceptance(OWNER, false))
                    .then(new AcceptanceRequirementChanged(SERVICE, false));
            given(created(true), AVAILABLE, CONSUMER_ALLOWED, new AcceptanceRequirementChanged(SERVICE, false))
                    .when(REQUEST).then(ACCEPTED);
        }

        @Test
        void setting_it_to_what_it_is_changes_nothing() {
            given(created(true)).when(new ChangeAcceptance(OWNER, true)).thenNothing();
        }

        @Test
        void endpoints_already_waiting_keep_waiting() {
            var waiting = new EndpointConnectionRequested(SERVICE, ENDPOINT, CONSUMER, VPC, SUBNETS);
            var state = given(created(true), AVAILABLE, waiting, new AcceptanceRequirementChanged(SERVICE, false))
                    .state();
            assertThat(((EndpointService) state).connection(ENDPOINT)).hasValueSatisfying(
                    c -> assertThat(c.state()).isEqualTo(ConnectionState.PENDING_ACCEPTANCE));
        }

        @Test
        void another_account_or_a_deleted_service_is_not_found() {
            given(created(true)).when(new ChangeAcceptance(CONSUMER, false)).thenRejected(Rejection.Kind.NOT_FOUND,
                    ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND, "serviceId");
            given(created(true), DELETED).when(new ChangeAcceptance(OWNER, false)).thenRejected(
                    Rejection.Kind.NOT_FOUND, ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND, "serviceId");
        }
    }

    @Nested
    class Acceptance {
        private static final String OTHER = "vpce-0dddddddddddddddd";
        private static final EndpointConnectionRequested WAITING =
                new EndpointConnectionRequested(SERVICE, ENDPOINT, CONSUMER, VPC, SUBNETS);
        private static final EndpointConnectionRequested OTHER_WAITING =
                new EndpointConnectionRequested(SERVICE, OTHER, OWNER, "vpc-0eeeeeeeeeeeeeeee", List.of());

        @Test
        void the_owner_accepts_waiting_endpoints_with_what_their_interfaces_need() {
            given(created(true), AVAILABLE, WAITING, OTHER_WAITING)
                    .when(new AcceptConnections(OWNER, List.of(ENDPOINT, OTHER, ENDPOINT)))
                    .then(ACCEPTED, new EndpointConnectionAccepted(SERVICE, OTHER, OWNER, "vpc-0eeeeeeeeeeeeeeee",
                            List.of(), List.of(LB)));
        }

        @Test
        void an_accepted_endpoint_is_not_accepted_again_and_counts_as_accepted() {
            var accepted = given(created(true), AVAILABLE, WAITING, ACCEPTED);
            accepted.when(new AcceptConnections(OWNER, List.of(ENDPOINT))).thenNothing();
            assertThat(service(accepted).notAccepted(List.of(ENDPOINT))).isEmpty();
        }

        @Test
        void unknown_rejected_and_deleted_endpoints_change_nothing_and_are_reported_with_why() {
            var history = given(created(true), AVAILABLE, WAITING,
                    new EndpointConnectionRejected(SERVICE, ENDPOINT, CONSUMER, "no"), OTHER_WAITING,
                    new EndpointConnectionDeleted(SERVICE, OTHER));
            String unknown = "vpce-0ffffffffffffffff";
            history.when(new AcceptConnections(OWNER, List.of(ENDPOINT, OTHER, unknown))).thenNothing();
            assertThat(service(history).notAccepted(List.of(ENDPOINT, OTHER, unknown)))
                    .extracting(UnsuccessfulConnection::vpcEndpointId, UnsuccessfulConnection::code)
                    .containsExactly(tuple(ENDPOINT, ErrorCode.INCORRECT_STATE),
                            tuple(OTHER, ErrorCode.INCORRECT_STATE),
                            tuple(unknown, ErrorCode.INVALID_VPC_ENDPOINT_ID_NOT_FOUND));
        }

        @Test
        void the_owner_rejects_waiting_and_accepted_endpoints_with_its_reason() {
            given(created(true), AVAILABLE, WAITING, OTHER_WAITING, ACCEPTED)
                    .when(new RejectConnections(OWNER, List.of(ENDPOINT, OTHER), "not a customer"))
                    .then(new EndpointConnectionRejected(SERVICE, ENDPOINT, CONSUMER, "not a customer"),
                            new EndpointConnectionRejected(SERVICE, OTHER, OWNER, "not a customer"));
        }

        @Test
        void a_rejection_without_a_reason_says_who_rejected() {
            given(created(true), AVAILABLE, WAITING).when(new RejectConnections(OWNER, List.of(ENDPOINT), null))
                    .thenOne(EndpointConnectionRejected.class,
                            e -> assertThat(e.reason()).contains("owner of endpoint service " + SERVICE));
        }

        @Test
        void a_rejected_endpoint_is_not_rejected_again_and_a_deleted_one_is_reported() {
            var history = given(created(true), AVAILABLE, WAITING,
                    new EndpointConnectionRejected(SERVICE, ENDPOINT, CONSUMER, "no"), OTHER_WAITING,
                    new EndpointConnectionDeleted(SERVICE, OTHER));
            history.when(new RejectConnections(OWNER, List.of(ENDPOINT, OTHER), null)).thenNothing();
            assertThat(service(history).notRejected(List.of(ENDPOINT, OTHER)))
                    .singleElement().satisfies(u -> {
                        assertThat(u.vpcEndpointId()).isEqualTo(OTHER);
                        assertThat(u.code()).isEqualTo(ErrorCode.INCORRECT_STATE);
                        assertThat(u.message()).contains("deleted");
                    });
        }

        @Test
        void another_account_or_a_service_never_created_or_deleted_is_not_found() {
            given(created(true), AVAILABLE, WAITING).when(new AcceptConnections(CONSUMER, List.of(ENDPOINT)))
                    .thenRejected(Rejection.Kind.NOT_FOUND, ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND,
                            "serviceId");
            given(created(true), AVAILABLE, WAITING).when(new RejectConnections(CONSUMER, List.of(ENDPOINT), null))
                    .thenRejected(Rejection.Kind.NOT_FOUND, ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND,
                            "serviceId");
            given().when(new AcceptConnections(OWNER, List.of(ENDPOINT))).thenRejected(Rejection.Kind.NOT_FOUND,
                    ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND, "serviceId");
            given(created(true), DELETED).when(new RejectConnections(OWNER, List.of(ENDPOINT), null))
                    .thenRejected(Rejection.Kind.NOT_FOUND, ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND,
                            "serviceId");
        }

        private static EndpointService service(History history) {
            return (EndpointService) history.state();
        }
    }

    @Nested
    class Deletion {
        private static final DeleteService DELETE = new DeleteService(OWNER);

        @Test
        void the_owner_deletes_a_service_with_no_connections_and_the_event_names_its_load_balancers() {
            given(created(false), AVAILABLE, CONSUMER_ALLOWED).when(DELETE).then(DELETED);
            assertThat(given(created(false), AVAILABLE, DELETED).state())
                    .isInstanceOfSatisfying(EndpointService.class, s -> assertThat(s.state()).isEqualTo(ServiceState.Deleted))
                    .satisfies(s -> assertThat(DECIDER.isTerminal(s)).isTrue());
        }

        @Test
        void a_Pending_or_Failed_service_can_be_deleted_too() {
            given(created(true)).when(DELETE).then(DELETED);
            given(created(true), new EndpointServiceFailed(SERVICE, "gone")).when(DELETE).then(DELETED);
        }

        @Test
        void an_available_or_pendingAcceptance_connection_prevents_it() {
            given(created(false), AVAILABLE, ACCEPTED).when(DELETE).thenRejected(Rejection.Kind.CONFLICT,
                    ErrorCode.EXISTING_VPC_ENDPOINT_CONNECTIONS, "serviceId");
            given(created(true), AVAILABLE, new EndpointConnectionRequested(SERVICE, ENDPOINT, CONSUMER, VPC, SUBNETS))
                    .when(DELETE).thenRejected(Rejection.Kind.CONFLICT, ErrorCode.EXISTING_VPC_ENDPOINT_CONNECTIONS,
                            "serviceId");
        }

        @Test
        void rejected_and_deleted_connections_do_not() {
            given(created(false), AVAILABLE, ACCEPTED, new EndpointConnectionDeleted(SERVICE, ENDPOINT)).when(DELETE)
                    .then(DELETED);
            given(created(false), AVAILABLE, new EndpointConnectionRejected(SERVICE, ENDPOINT, CONSUMER, "no"))
                    .when(DELETE).then(DELETED);
        }

        @Test
        void another_accounts_service_or_one_never_created_is_not_found() {
            given(created(false), AVAILABLE).when(new DeleteService(CONSUMER)).thenRejected(Rejection.Kind.NOT_FOUND,
                    ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND, "serviceId");
            given().when(DELETE).thenRejected(Rejection.Kind.NOT_FOUND,
                    ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND, "serviceId");
        }

        @Test
        void another_accounts_attempt_learns_nothing_of_its_connections() {
            given(created(false), AVAILABLE, ACCEPTED).when(new DeleteService(CONSUMER)).thenRejected(
                    Rejection.Kind.NOT_FOUND, ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND, "serviceId");
        }

        @Test
        void a_deleted_service_is_not_found_for_its_owner_to_delete_again_or_to_change_its_permissions() {
            var deleted = given(created(false), AVAILABLE, DELETED);
            deleted.when(DELETE).thenRejected(Rejection.Kind.NOT_FOUND,
                    ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND, "serviceId");
            deleted.when(new ModifyPermissions(OWNER, List.of("*"), List.of())).thenRejected(Rejection.Kind.NOT_FOUND,
                    ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND, "serviceId");
        }

        @Test
        void an_endpoint_asking_for_a_deleted_service_is_refused_once() {
            var deleted = given(created(false), AVAILABLE, new AllowedPrincipalsAdded(SERVICE, List.of("*")), DELETED);
            deleted.when(REQUEST).thenOne(EndpointConnectionRejected.class, e -> {
                assertThat(e.vpcEndpointId()).isEqualTo(ENDPOINT);
                assertThat(e.endpointOwnerId()).isEqualTo(CONSUMER);
                assertThat(e.reason()).contains("deleted");
            });
            given(created(false), AVAILABLE, DELETED,
                    new EndpointConnectionRejected(SERVICE, ENDPOINT, CONSUMER, "endpoint service was deleted"))
                    .when(REQUEST).thenNothing();
        }

        @Test
        void late_reactions_change_nothing() {
            var deleted = given(created(true), DELETED);
            deleted.when(new ConfirmLoadBalancers()).thenNothing();
            deleted.when(new RefuseLoadBalancers("gone")).thenNothing();
            given(created(false), AVAILABLE, new EndpointConnectionRejected(SERVICE, ENDPOINT, CONSUMER, "no"), DELETED)
                    .when(new DeleteConnection(ENDPOINT)).thenNothing();
        }

        @Test
        void only_a_deleted_service_is_terminal() {
            assertThat(DECIDER.isTerminal(given().state())).isFalse();
            assertThat(DECIDER.isTerminal(given(created(false), AVAILABLE).state())).isFalse();
            assertThat(DECIDER.isTerminal(given(created(false), new EndpointServiceFailed(SERVICE, "x")).state()))
                    .isFalse();
        }
    }
}
