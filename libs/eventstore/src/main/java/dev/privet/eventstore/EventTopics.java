package dev.privet.eventstore;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Creates the event topics a service writes or reads, when missing, with infinite retention: the topics are the log
 * every read model is rebuilt from, so they never expire. Consumers never auto-create topics (that would make them
 * with the broker's default retention).
 */
public final class EventTopics {
    private EventTopics() {
    }

    public static void ensure(Admin admin, Collection<String> topics, int partitions, short replicationFactor) {
        Map<String, String> config = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1");
        List<NewTopic> wanted = topics.stream()
                .map(t -> new NewTopic(t, partitions, replicationFactor).configs(config)).toList();
        admin.createTopics(wanted).values().forEach((topic, future) -> {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause().getMessage(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topic " + topic, e);
            }
        });
    }
}
