package dev.privet.contracts.events;

/** The Kafka topic of each event family; keys are stream ids, so each stream keeps its order. */
public enum Topic {
    NETWORK("privet.network.events", NetworkEvent.class),
    PROVIDER("privet.provider.events", ProviderEvent.class),
    CONSUMER("privet.consumer.events", ConsumerEvent.class),
    DNS("privet.dns.events", DnsEvent.class);

    private final String topicName;
    private final Class<? extends IntegrationEvent> family;

    Topic(String topicName, Class<? extends IntegrationEvent> family) {
        this.topicName = topicName;
        this.family = family;
    }

    public String topicName() {
        return topicName;
    }

    public Class<? extends IntegrationEvent> family() {
        return family;
    }

    public static Topic of(IntegrationEvent event) {
        for (Topic topic : values()) {
            if (topic.family.isInstance(event)) {
                return topic;
            }
        }
        throw new IllegalArgumentException("no topic for " + event.getClass());
    }
}
