package dev.privet.consumer.domain;

import dev.privet.consumer.domain.EndpointCommand.AcceptConnection;
import dev.privet.consumer.domain.EndpointCommand.DeleteEndpoint;
import dev.privet.consumer.domain.EndpointCommand.FailNetwork;
import dev.privet.consumer.domain.EndpointCommand.PublishDns;
import dev.privet.consumer.domain.EndpointCommand.RejectConnection;
import dev.privet.consumer.domain.EndpointCommand.ReleaseNetwork;
import dev.privet.consumer.domain.EndpointCommand.RequestEndpoint;
import dev.privet.contracts.events.ConsumerEvent;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAccepted;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAvailable;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeleted;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeletionRequested;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointFailed;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRejected;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.contracts.ids.AccountId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A VPC endpoint")
class VpcEndpointDeciderTest {
    static final AccountId CONSUMER = new AccountId("111111111111");
    static final AccountId PROVIDER = new AccountId("222222222222");
    static final AccountId STRANGER = new AccountId("333333333333");
    static final String ID = "vpce-0123456789abcdef0";
    static final String SERVICE_ID = "vpce-svc-0123456789abcdef0";
    static final String SERVICE_NAME = "com.amazonaws.vpce.us-east-1." + SERVICE_ID;
    static final String VPC = "vpc-0123456789abcdef0";
    static final String SUBNET_A = "subnet-0000000000000000a";
    static final String SUBNET_B = "subnet-0000000000000000b";
    static final List<DnsEntry> DNS = List.of(new DnsEntry("vpce-x.example", "Z1"));

    static EndpointServiceOffer service(boolean acceptanceRequired, String... principals) {
        return new EndpointServiceOffer(SERVICE_ID, SERVICE_NAME, PROVIDER.value(), "Available", acceptanceRequired,
                List.of(principals));
    }

    static RequestEndpoint request(Optional<EndpointServiceOffer> service, List<String> subnets,
                                   Subnet... known) {
        Map<String, Subnet> byId = new java.util.HashMap<>();
        for (Subnet s : known) {
            byId.put(s.subnetId(), s);
        }
        return new RequestEndpoint(ID, CONSUMER, "Interface", SERVICE_NAME, service, VPC,
                Optional.of(new Vpc(VPC, CONSUMER.value())), subnets, byId);
    }

    static Subnet subnet(String id, String vpc, AccountId owner, String zone) {
        return new Subnet(id, vpc, owner.value(), zone, "10.0.0.0/24");
    }

    static RequestEndpoint validRequest(boolean acceptanceRequired) {
        return request(Optional.of(service(acceptanceRequired, CONSUMER.rootArn())), List.of(SUBNET_A, SUBNET_B),
                subnet(SUBNET_A, VPC, CONSUMER, "us-east-1a"), subnet(SUBNET_B, VPC, CONSUMER, "us-east-1b"));
    }

    /** Given these events happened, the endpoint's state. */
    static VpcEndpoint given(ConsumerEvent... events) {
        VpcEndpoint endpoint = null;
        for (ConsumerEvent e : events) {
            endpoint = VpcEndpoint.evolve(endpoint, e, Instant.EPOCH);
        }
        return endpoint;
    }

    static VpcEndpointRequested requested(String state) {
        return new VpcEndpointRequested(ID, CONSUMER.value(), "Interface", SERVICE_ID, SERVICE_NAME, VPC,
                List.of(SUBNET_A), state);
    }

    static List<ConsumerEvent> historyIn(EndpointState state) {
        List<ConsumerEvent> events = new ArrayList<>();
        switch (state) {
            case PENDING_ACCEPTANCE -> events.add(requested("pendingAcceptance"));
            case PENDING -> events.add(requested("pending"));
            case AVAILABLE -> events.addAll(List.of(requested("pending"),
                    new VpcEndpointAvailable(ID, List.of("eni-1"), DNS)));
            case FAILED -> events.addAll(List.of(requested("pending"), new VpcEndpointFailed(ID, "no addresses")));
            case DELETING -> events.addAll(List.of(requested("pending"), new VpcEndpointDeletionRequested(ID, SERVICE_ID)));
            case DELETED -> events.addAll(List.of(requested("pending"), new VpcEndpointDeletionRequested(ID, SERVICE_ID),
                    new VpcEndpointDeleted(ID)));
            case REJECTED -> events.addAll(List.of(requested("pending"), new VpcEndpointRejected(ID, "not allowed")));
        }
        return events;
    }

    static VpcEndpoint in(EndpointState state) {
        return given(historyIn(state).toArray(ConsumerEvent[]::new));
    }

    @Nested
    @DisplayName("when requested")
    class Request {
        @Test
        @DisplayName("is pending when the service accepts automatically")
        void pending() {
            assertThat(VpcEndpointDecider.decide(validRequest(false), null)).containsExactly(
                    new VpcEndpointRequested(ID, CONSUMER.value(), "Interface", SERVICE_ID, SERVICE_NAME, VPC,
                            List.of(SUBNET_A, SUBNET_B), "pending"));
        }

        @Test
        @DisplayName("is pendingAcceptance when the service requires acceptance")
        void pendingAcceptance() {
            var events = VpcEndpointDecider.decide(validRequest(true), null);
            assertThat(((VpcEndpointRequested) events.getFirst()).state()).isEqualTo("pendingAcceptance");
            assertThat(given(events.toArray(ConsumerEvent[]::new)).state()).isEqualTo(EndpointState.PENDING_ACCEPTANCE);
        }

        @Test
        @DisplayName("is allowed to the service's owner and to '*', not to others")
        void principals() {
            var own = new RequestEndpoint(ID, PROVIDER, "Interface", SERVICE_NAME, Optional.of(service(false)), VPC,
                    Optional.of(new Vpc(VPC, PROVIDER.value())), List.of(SUBNET_A),
                    Map.of(SUBNET_A, subnet(SUBNET_A, VPC, PROVIDER, "us-east-1a")));
            assertThat(VpcEndpointDecider.decide(own, null)).hasSize(1);
            var everyone = request(Optional.of(service(false, "*")), List.of(SUBNET_A),
                    subnet(SUBNET_A, VPC, CONSUMER, "us-east-1a"));
            assertThat(VpcEndpointDecider.decide(everyone, null)).hasSize(1);
            var other = request(Optional.of(service(false, STRANGER.rootArn())), List.of(SUBNET_A),
                    subnet(SUBNET_A, VPC, CONSUMER, "us-east-1a"));
            assertRejected(other, "InvalidServiceName", "serviceName");
        }

        @Test
        @DisplayName("is rejected as InvalidServiceName for a service unknown or not available")
        void unknownService() {
            assertRejected(request(Optional.empty(), List.of(SUBNET_A), subnet(SUBNET_A, VPC, CONSUMER, "us-east-1a")),
                    "InvalidServiceName", "serviceName");
            var pending = new EndpointServiceOffer(SERVICE_ID, SERVICE_NAME, PROVIDER.value(), "Pending", false,
                    List.of("*"));
            assertRejected(request(Optional.of(pending), List.of(SUBNET_A), subnet(SUBNET_A, VPC, CONSUMER, "us-east-1a")),
                    "InvalidServiceName", "serviceName");
        }

        @Test
        @DisplayName("is rejected for a VPC unknown or of another account")
        void vpc() {
            var base = validRequest(false);
            for (Optional<Vpc> vpc : List.of(Optional.<Vpc>empty(), Optional.of(new Vpc(VPC, STRANGER.value())))) {
                var r = new RequestEndpoint(ID, CONSUMER, "Interface", SERVICE_NAME, base.service(), VPC, vpc,
                        base.subnetIds(), base.knownSubnets());
                assertRejected(r, "InvalidVpcId.NotFound", "vpcId");
            }
        }

        @Test
        @DisplayName("is rejected for a subnet unknown, of another account, in another VPC, or sharing a zone")
        void subnets() {
            var service = Optional.of(service(false, "*"));
            assertRejected(request(service, List.of(SUBNET_A, SUBNET_B), subnet(SUBNET_A, VPC, CONSUMER, "us-east-1a")),
                    "InvalidSubnetID.NotFound", "subnetIds[1]");
            assertRejected(request(service, List.of(SUBNET_A), subnet(SUBNET_A, VPC, STRANGER, "us-east-1a")),
                    "InvalidSubnetID.NotFound", "subnetIds[0]");
            assertRejected(request(service, List.of(SUBNET_A),
                    subnet(SUBNET_A, "vpc-ffffffffffffffff0", CONSUMER, "us-east-1a")),
                    "InvalidParameterValue", "subnetIds[0]");
            assertRejected(request(service, List.of(SUBNET_A, SUBNET_B), subnet(SUBNET_A, VPC, CONSUMER, "us-east-1a"),
                    subnet(SUBNET_B, VPC, CONSUMER, "us-east-1a")), "DuplicateSubnetsInSameZone", "subnetIds[1]");
        }

        void assertRejected(RequestEndpoint request, String code, String field) {
            assertThatThrownBy(() -> VpcEndpointDecider.decide(request, null))
                    .isInstanceOfSatisfying(EndpointRejected.class, r -> {
                        assertThat(r.code()).isEqualTo(code);
                        assertThat(r.field()).isEqualTo(field);
                        assertThat(r.kind()).isEqualTo(EndpointRejected.Kind.INVALID);
                    });
        }
    }

    @Nested
    @DisplayName("when the provider accepts the connection")
    class Accept {
        @Test
        @DisplayName("goes from pendingAcceptance to pending")
        void accepted() {
            var endpoint = in(EndpointState.PENDING_ACCEPTANCE);
            var events = VpcEndpointDecider.decide(new AcceptConnection(), endpoint);
            assertThat(events).containsExactly(new VpcEndpointAccepted(ID));
            assertThat(VpcEndpoint.evolve(endpoint, events.getFirst(), Instant.EPOCH).state())
                    .isEqualTo(EndpointState.PENDING);
        }

        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"PENDING", "AVAILABLE", "FAILED", "DELETING", "DELETED"})
        @DisplayName("ignores it in any other state")
        void ignored(EndpointState state) {
            assertThat(VpcEndpointDecider.decide(new AcceptConnection(), in(state))).isEmpty();
        }
    }

    @Nested
    @DisplayName("when its names are published")
    class Dns {
        final PublishDns publish = new PublishDns(List.of("eni-0000000000000000a"), DNS);

        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"PENDING_ACCEPTANCE", "PENDING"})
        @DisplayName("becomes available with its interfaces and names")
        void available(EndpointState state) {
            var endpoint = in(state);
            var events = VpcEndpointDecider.decide(publish, endpoint);
            assertThat(events).containsExactly(new VpcEndpointAvailable(ID, publish.networkInterfaceIds(), DNS));
            var after = VpcEndpoint.evolve(endpoint, events.getFirst(), Instant.EPOCH);
            assertThat(after.state()).isEqualTo(EndpointState.AVAILABLE);
            assertThat(after.networkInterfaceIds()).containsExactly("eni-0000000000000000a");
            assertThat(after.dnsEntries()).isEqualTo(DNS);
        }

        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"AVAILABLE", "FAILED", "DELETING", "DELETED"})
        @DisplayName("ignores them when available already, failed or being removed")
        void ignored(EndpointState state) {
            assertThat(VpcEndpointDecider.decide(publish, in(state))).isEmpty();
        }
    }

    @Nested
    @DisplayName("when the provider refuses the connection")
    class Reject {
        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"PENDING_ACCEPTANCE", "PENDING"})
        @DisplayName("is rejected with the reason")
        void rejected(EndpointState state) {
            var endpoint = in(state);
            var events = VpcEndpointDecider.decide(new RejectConnection("not allowed"), endpoint);
            assertThat(events).containsExactly(new VpcEndpointRejected(ID, "not allowed"));
            var after = VpcEndpoint.evolve(endpoint, events.getFirst(), Instant.EPOCH);
            assertThat(after.state()).isEqualTo(EndpointState.REJECTED);
            assertThat(after.failureReason()).isEqualTo("not allowed");
        }

        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"AVAILABLE", "FAILED", "REJECTED", "DELETING", "DELETED"})
        @DisplayName("ignores it in any other state")
        void ignored(EndpointState state) {
            assertThat(VpcEndpointDecider.decide(new RejectConnection("late"), in(state))).isEmpty();
        }

        @Test
        @DisplayName("a rejected endpoint can be deleted")
        void deletable() {
            assertThat(VpcEndpointDecider.decide(new DeleteEndpoint(ID, CONSUMER), in(EndpointState.REJECTED)))
                    .containsExactly(new VpcEndpointDeletionRequested(ID, SERVICE_ID));
        }
    }

    @Nested
    @DisplayName("when its network fails")
    class NetworkFailure {
        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"PENDING_ACCEPTANCE", "PENDING"})
        @DisplayName("fails with the reason")
        void failed(EndpointState state) {
            var endpoint = in(state);
            var events = VpcEndpointDecider.decide(new FailNetwork("subnet full"), endpoint);
            assertThat(events).containsExactly(new VpcEndpointFailed(ID, "subnet full"));
            var after = VpcEndpoint.evolve(endpoint, events.getFirst(), Instant.EPOCH);
            assertThat(after.state()).isEqualTo(EndpointState.FAILED);
            assertThat(after.failureReason()).isEqualTo("subnet full");
        }

        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"AVAILABLE", "FAILED", "DELETING", "DELETED"})
        @DisplayName("ignores it in any other state")
        void ignored(EndpointState state) {
            assertThat(VpcEndpointDecider.decide(new FailNetwork("late"), in(state))).isEmpty();
        }
    }

    @Nested
    @DisplayName("when deleted by its owner")
    class Delete {
        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"PENDING_ACCEPTANCE", "PENDING", "AVAILABLE", "FAILED"})
        @DisplayName("is deleting")
        void deleting(EndpointState state) {
            var endpoint = in(state);
            var events = VpcEndpointDecider.decide(new DeleteEndpoint(ID, CONSUMER), endpoint);
            assertThat(events).containsExactly(new VpcEndpointDeletionRequested(ID, SERVICE_ID));
            assertThat(VpcEndpoint.evolve(endpoint, events.getFirst(), Instant.EPOCH).state())
                    .isEqualTo(EndpointState.DELETING);
        }

        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"DELETING", "DELETED"})
        @DisplayName("decides nothing new when already being removed")
        void idempotent(EndpointState state) {
            assertThat(VpcEndpointDecider.decide(new DeleteEndpoint(ID, CONSUMER), in(state))).isEmpty();
        }

        @Test
        @DisplayName("is not found for another account, or when it does not exist")
        void notFound() {
            for (var command : List.of(new DeleteEndpoint(ID, STRANGER))) {
                assertThatThrownBy(() -> VpcEndpointDecider.decide(command, in(EndpointState.PENDING)))
                        .isInstanceOfSatisfying(EndpointRejected.class, r -> {
                            assertThat(r.code()).isEqualTo("InvalidVpcEndpointId.NotFound");
                            assertThat(r.kind()).isEqualTo(EndpointRejected.Kind.NOT_FOUND);
                        });
            }
            assertThatThrownBy(() -> VpcEndpointDecider.decide(new DeleteEndpoint(ID, CONSUMER), null))
                    .isInstanceOf(EndpointRejected.class);
        }
    }

    @Nested
    @DisplayName("when its network is released")
    class Release {
        @Test
        @DisplayName("is deleted if it was deleting")
        void deleted() {
            var endpoint = in(EndpointState.DELETING);
            var events = VpcEndpointDecider.decide(new ReleaseNetwork(), endpoint);
            assertThat(events).containsExactly(new VpcEndpointDeleted(ID));
            assertThat(VpcEndpoint.evolve(endpoint, events.getFirst(), Instant.EPOCH).state())
                    .isEqualTo(EndpointState.DELETED);
        }

        @ParameterizedTest
        @EnumSource(value = EndpointState.class, names = {"PENDING_ACCEPTANCE", "PENDING", "AVAILABLE", "FAILED", "DELETED"})
        @DisplayName("ignores it in any other state")
        void ignored(EndpointState state) {
            assertThat(VpcEndpointDecider.decide(new ReleaseNetwork(), in(state))).isEmpty();
        }
    }

    @Test
    @DisplayName("ignores other services' events when it does not exist")
    void unknownEndpoint() {
        for (EndpointCommand command : List.of(new AcceptConnection(), new PublishDns(List.of(), List.of()),
                new FailNetwork("x"), new RejectConnection("x"), new ReleaseNetwork())) {
            assertThat(VpcEndpointDecider.decide(command, null)).isEmpty();
        }
    }

    @Test
    @DisplayName("keeps its creation time and what it connects to through its lifecycle")
    void fold() {
        var created = Instant.parse("2025-01-01T00:00:00Z");
        var endpoint = VpcEndpoint.evolve(null, requested("pendingAcceptance"), created);
        endpoint = VpcEndpoint.evolve(endpoint, new VpcEndpointAccepted(ID), Instant.now());
        endpoint = VpcEndpoint.evolve(endpoint, new VpcEndpointAvailable(ID, List.of("eni-1"), DNS), Instant.now());
        assertThat(endpoint.creationTime()).isEqualTo(created);
        assertThat(endpoint.subnetIds()).containsExactly(SUBNET_A);
        assertThat(endpoint.serviceName()).isEqualTo(SERVICE_NAME);
        assertThat(endpoint.state()).isEqualTo(EndpointState.AVAILABLE);
    }
}
