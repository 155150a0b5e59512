package dev.privet.eventstore;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Kafka side of a subscription, standing in for the SmallRye Kafka connector of the services: one member of the
 * consumer group named after the subscription, polling on a thread of its own, handing each poll to
 * {@link EventSubscription#apply} and committing the poll's offsets only once that returned. Its rebalance listener
 * starts new partitions where the database says. When {@code apply} throws (a record this build cannot read) it
 * stops there, commits nothing more and remembers why; {@link #close()} leaves the group.
 */
final class GroupClient implements AutoCloseable {
    private final EventSubscription subscription;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Set<TopicPartition> assignment = ConcurrentHashMap.newKeySet();
    private final Thread poller;
    private volatile boolean closing;
    private volatile RuntimeException failure;

    GroupClient(EventSubscription subscription, String bootstrapServers) {
        this.subscription = subscription;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, subscription.name(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 300, // members hear of a rebalance at once, not in 3 s
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        this.poller = Thread.ofPlatform().name("group-client-" + subscription.name()).start(this::poll);
    }

    /** Why it stopped polling before {@link #close()}, if it did. */
    Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    /** The partitions the group assigns to this member now. */
    Set<TopicPartition> assignment() {
        return Set.copyOf(assignment);
    }

    /** Stops polling and leaves the group; the subscription stays open. */
    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            poller.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void poll() {
        try {
            consumer.subscribe(subscription.topics(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    subscription.onAssigned(consumer, partitions);
                    assignment.addAll(partitions);
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    assignment.removeAll(partitions);
                }
            });
            while (!closing) {
                subscription.apply(consumer.poll(Duration.ofMillis(100)));
                try {
                    consumer.commitSync();
                } catch (RebalanceInProgressException | CommitFailedException e) {
                    // The partitions may move on uncommitted: their next owner gets these records again.
                }
            }
        } catch (WakeupException e) {
            // close()
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(); // leaves the group
        }
    }
}
