package dev.privet.network.api;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointSecurityGroupsChanged;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.Topic;
import dev.privet.testkit.PublishedEvents;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Other services' events for network-service's tests, and what it published, through {@link PublishedEvents}. */
final class KafkaEvents {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private KafkaEvents() {
    }

    static void publish(IntegrationEvent event, long version, String principal) {
        PublishedEvents.onTestBroker().publish(event, version, principal);
    }

    /**
     * The provider's acceptance of an endpoint, after the endpoint's security groups as consumer-service records them
     * with its request: network-service builds an Interface endpoint only once it has both.
     */
    static void accept(EndpointConnectionAccepted accepted, String principal, String... securityGroupIds) {
        publish(new VpcEndpointSecurityGroupsChanged(accepted.vpcEndpointId(), List.of(securityGroupIds)), 2,
                accepted.endpointOwnerId());
        publish(accepted, 2, principal);
    }

    /** The first event of the topic, read from its start, that matches; fails after 20 s. */
    static <T extends IntegrationEvent> T await(Topic topic, Class<T> type, Predicate<T> matching) {
        return PublishedEvents.onTestBroker().await(topic, type, matching, PATIENCE);
    }
}
