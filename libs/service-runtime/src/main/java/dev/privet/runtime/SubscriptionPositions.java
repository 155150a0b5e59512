package dev.privet.runtime;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;

/**
 * The rebalance listener of every subscription channel ({@code consumer-rebalance-listener.name}): a partition this
 * process is given starts where the database says it was applied up to (see {@code EventSubscription#onAssigned}).
 */
@ApplicationScoped
@Identifier(SubscriptionPositions.NAME)
public class SubscriptionPositions implements KafkaConsumerRebalanceListener {
    static final String NAME = "privet-subscription-positions";

    private final EventRuntime runtime;

    SubscriptionPositions(EventRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        runtime.subscriptionOfGroup(consumer.groupMetadata().groupId())
                .ifPresent(subscription -> subscription.onAssigned(consumer, partitions));
    }
}
