package dev.privet.contracts.events;

/**
 * An event one service publishes and others may react to. Each family is the events of one service, on one
 * topic; each event names the stream (aggregate) it belongs to.
 */
public sealed interface IntegrationEvent permits NetworkEvent, ProviderEvent, ConsumerEvent, DnsEvent {

    /** The id of the stream this event belongs to; the Kafka key. */
    String streamId();

    /** The kind of stream, such as {@code endpoint-service}; with the id it names the aggregate. */
    String streamType();

    /**
     * The event's type name on the wire: its simple class name, past tense. (Not {@code type()}: an event may well
     * carry a field of that name, as {@code LoadBalancerCreated} does.)
     */
    default String eventType() {
        return getClass().getSimpleName();
    }
}
