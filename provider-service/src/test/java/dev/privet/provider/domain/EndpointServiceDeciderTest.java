package dev.privet.provider.domain;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.ProviderEvent;
import dev.privet.contracts.events.ProviderEvent.AllowedPrincipalsAdded;
import dev.privet.contracts.events.ProviderEvent.AllowedPrincipalsRemoved;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionRejected;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionDeleted;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionRequested;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceAvailable;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceFailed;
import dev.privet.provider.domain.EndpointServiceCommand.ConfirmLoadBalancers;
import dev.privet.provider.domain.EndpointServiceCommand.CreateEndpointService;
import dev.privet.provider.domain.EndpointServiceCommand.DeleteConnection;
import dev.privet.provider.domain.EndpointServiceCommand.ModifyPermissions;
import dev.privet.provider.domain.EndpointServiceCommand.RefuseLoadBalancers;
import dev.privet.provider.domain.EndpointServiceCommand.RequestConnection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Given an endpoint service's events, when a command arrives, then these events (or this rejection). */
class EndpointServiceDeciderTest {
    private static final String SERVICE = "vpce-svc-0123456789abcdef0";
    private static final String OWNER = "111122223333";
    private static final String CONSUMER = "444455556666";
    private static final String LB = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/web/0123456789abcdef";
    private static final String ENDPOINT = "vpce-0aaaaaaaaaaaaaaaa";

    private static EndpointServiceCreated created(boolean acceptanceRequired) {
        return new EndpointServiceCreated(SERVICE, "com.amazonaws.vpce.us-east-1." + SERVICE, OWNER, "us-east-1",
                List.of(LB), acceptanceRequired);
    }

    private static final AllowedPrincipalsAdded CONSUMER_ALLOWED =
            new AllowedPrincipalsAdded(SERVICE, List.of("arn:aws:iam::" + CONSUMER + ":root"));

    private static final RequestConnection REQUEST =
            new RequestConnection(ENDPOINT, CONSUMER, "vpc-0bbbbbbbbbbbbbbbb", List.of("subnet-0cccccccccccccccc"));

    /** The events the command produces after {@code history}. */
    private static List<ProviderEvent> given(List<ProviderEvent> history, EndpointServiceCommand command) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (ProviderEvent e : history) {
            envelopes.add(new EventEnvelope(UUID.randomUUID(), SERVICE, e.streamType(), envelopes.size() + 1, 1,
                    Instant.now(), EventMetadata.forRequest(OWNER), e));
        }
        return EndpointServiceDecider.decide(command, EndpointService.from(envelopes));
    }

    @Nested
    @DisplayName("create")
    class Create {
        @Test
        @DisplayName("a new service starts Pending with no allowed principals")
        void createsPending() {
            var command = new CreateEndpointService(SERVICE, "com.amazonaws.vpce.us-east-1." + SERVICE, OWNER,
                    "us-east-1", List.of(LB), true);
            List<ProviderEvent> events = given(List.of(), command);
            assertThat(events).containsExactly(created(true));
            var state = EndpointService.evolve(null, events.getFirst());
            assertThat(state.state()).isEqualTo(ServiceState.Pending);
            assertThat(state.allowedPrincipals()).isEmpty();
        }
    }

    @Nested
    @DisplayName("load balancer verification")
    class Verification {
        @Test
        @DisplayName("verified load balancers make a Pending service Available")
        void available() {
            assertThat(given(List.of(created(true)), new ConfirmLoadBalancers()))
                    .containsExactly(new EndpointServiceAvailable(SERVICE));
        }

        @Test
        @DisplayName("rejected load balancers make a Pending service Failed with the reason")
        void failed() {
            assertThat(given(List.of(created(true)), new RefuseLoadBalancers("not a network load balancer")))
                    .containsExactly(new EndpointServiceFailed(SERVICE, "not a network load balancer"));
        }

        @Test
        @DisplayName("a repeated verification of an Available service changes nothing")
        void repeated() {
            assertThat(given(List.of(created(true), new EndpointServiceAvailable(SERVICE)), new ConfirmLoadBalancers()))
                    .isEmpty();
        }

        @Test
        @DisplayName("a late verification of a Failed service changes nothing")
        void lateAfterFailure() {
            assertThat(given(List.of(created(true), new EndpointServiceFailed(SERVICE, "gone")),
                    new ConfirmLoadBalancers())).isEmpty();
        }

        @Test
        @DisplayName("a verification of an unknown service changes nothing")
        void unknown() {
            assertThat(given(List.of(), new ConfirmLoadBalancers())).isEmpty();
        }
    }

    @Nested
    @DisplayName("permissions")
    class Permissions {
        @Test
        @DisplayName("adds only principals not yet allowed, then removes")
        void addAndRemove() {
            var history = List.<ProviderEvent>of(created(true), new AllowedPrincipalsAdded(SERVICE, List.of("*")));
            var command = new ModifyPermissions(OWNER, List.of("*", "arn:aws:iam::444455556666:root"), List.of("*"));
            assertThat(given(history, command)).containsExactly(
                    new AllowedPrincipalsAdded(SERVICE, List.of("arn:aws:iam::444455556666:root")),
                    new AllowedPrincipalsRemoved(SERVICE, List.of("*")));
        }

        @Test
        @DisplayName("removing a principal that is not allowed changes nothing")
        void removeAbsent() {
            assertThat(given(List.of(created(true)), new ModifyPermissions(OWNER, List.of(), List.of("*")))).isEmpty();
        }

        @Test
        @DisplayName("another account's service is not found")
        void otherOwner() {
            assertThatThrownBy(() -> given(List.of(created(true)), new ModifyPermissions(CONSUMER, List.of("*"), List.of())))
                    .isInstanceOfSatisfying(EndpointServiceRejected.class, e -> assertThat(e.isNotFound()).isTrue());
        }
    }

    @Nested
    @DisplayName("connections")
    class Connections {
        @Test
        @DisplayName("an endpoint on an Available service without acceptance is accepted with the load balancers")
        void acceptedAtOnce() {
            assertThat(given(List.of(created(false), new EndpointServiceAvailable(SERVICE), CONSUMER_ALLOWED), REQUEST))
                    .containsExactly(new EndpointConnectionAccepted(SERVICE, ENDPOINT, CONSUMER, REQUEST.vpcId(),
                            REQUEST.subnetIds(), List.of(LB)));
        }

        @Test
        @DisplayName("an endpoint on a service that requires acceptance waits for it")
        void waitsForAcceptance() {
            assertThat(given(List.of(created(true), new EndpointServiceAvailable(SERVICE), CONSUMER_ALLOWED), REQUEST))
                    .containsExactly(new EndpointConnectionRequested(SERVICE, ENDPOINT, CONSUMER, REQUEST.vpcId(),
                            REQUEST.subnetIds()));
        }

        @Test
        @DisplayName("a connection already known is not added twice")
        void notTwice() {
            var history = List.<ProviderEvent>of(created(false), new EndpointServiceAvailable(SERVICE),
                    new EndpointConnectionAccepted(SERVICE, ENDPOINT, CONSUMER, REQUEST.vpcId(), REQUEST.subnetIds(),
                            List.of(LB)));
            assertThat(given(history, REQUEST)).isEmpty();
        }

        @Test
        @DisplayName("an endpoint on a service that is not Available is refused with the reason")
        void pendingService() {
            assertThat(given(List.of(created(false), CONSUMER_ALLOWED), REQUEST)).singleElement()
                    .isInstanceOfSatisfying(EndpointConnectionRejected.class,
                            e -> assertThat(e.reason()).contains("not Available"));
        }

        @Test
        @DisplayName("an endpoint of an account no principal admits is refused, even if the consumer's catalog lagged")
        void notAllowed() {
            assertThat(given(List.of(created(false), new EndpointServiceAvailable(SERVICE)), REQUEST)).singleElement()
                    .isInstanceOfSatisfying(EndpointConnectionRejected.class,
                            e -> assertThat(e.reason()).contains("not an allowed principal"));
            assertThat(given(List.of(created(false), new EndpointServiceAvailable(SERVICE), CONSUMER_ALLOWED,
                    new AllowedPrincipalsRemoved(SERVICE, CONSUMER_ALLOWED.principals())), REQUEST)).singleElement()
                    .isInstanceOf(EndpointConnectionRejected.class);
        }

        @Test
        @DisplayName("the owner's own endpoints and those admitted by * need no other permission")
        void ownerAndEveryone() {
            var own = new RequestConnection(ENDPOINT, OWNER, REQUEST.vpcId(), REQUEST.subnetIds());
            assertThat(given(List.of(created(false), new EndpointServiceAvailable(SERVICE)), own)).singleElement()
                    .isInstanceOf(EndpointConnectionAccepted.class);
            assertThat(given(List.of(created(false), new EndpointServiceAvailable(SERVICE),
                    new AllowedPrincipalsAdded(SERVICE, List.of("*"))), REQUEST)).singleElement()
                    .isInstanceOf(EndpointConnectionAccepted.class);
        }

        @Test
        @DisplayName("an endpoint on an unknown service is rejected as not found")
        void unknownService() {
            assertThatThrownBy(() -> given(List.of(), REQUEST))
                    .isInstanceOfSatisfying(EndpointServiceRejected.class, e -> assertThat(e.isNotFound()).isTrue());
        }

        @Test
        @DisplayName("deleting a connection closes it once")
        void delete() {
            var history = new ArrayList<ProviderEvent>(List.of(created(false), new EndpointServiceAvailable(SERVICE),
                    new EndpointConnectionAccepted(SERVICE, ENDPOINT, CONSUMER, REQUEST.vpcId(), REQUEST.subnetIds(),
                            List.of(LB))));
            assertThat(given(history, new DeleteConnection(ENDPOINT)))
                    .containsExactly(new EndpointConnectionDeleted(SERVICE, ENDPOINT));
            history.add(new EndpointConnectionDeleted(SERVICE, ENDPOINT));
            assertThat(given(history, new DeleteConnection(ENDPOINT))).isEmpty();
        }

        @Test
        @DisplayName("deleting an unknown connection changes nothing")
        void deleteUnknown() {
            assertThat(given(List.of(created(false)), new DeleteConnection(ENDPOINT))).isEmpty();
        }
    }
}
