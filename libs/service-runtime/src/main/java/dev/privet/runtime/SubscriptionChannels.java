package dev.privet.runtime;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Sets up the Kafka consumer of every subscription channel (SmallRye's Kafka connector calls this before it
 * creates one): its group is {@code privet.<service>.<channel>}, and with {@code privet.kafka.instance-id} it is a
 * static member, so a restarted process takes its partitions back at once; without one, a dead member's
 * partitions move after {@code privet.kafka.session-timeout}. The channel settings every subscription shares
 * (batches, ByteArray values, the throttled commit strategy, the cooperative sticky assignor, the positions
 * listener) are defaults in this library's {@code microprofile-config.properties}; a service names only each
 * channel's topics.
 */
@ApplicationScoped
public class SubscriptionChannels implements ClientCustomizer<Map<String, Object>> {
    private final PrivetConfig config;

    SubscriptionChannels(PrivetConfig config) {
        this.config = config;
    }

    /** The topics the channel of {@code consumerName} reads: {@code mp.messaging.incoming.<name>.topics}. */
    static List<String> topics(Config channels, String consumerName) {
        String key = "mp.messaging.incoming." + consumerName + ".topics";
        String topics = channels.getOptionalValue(key, String.class).orElseThrow(() -> new IllegalStateException(
                "the event consumer " + consumerName + " has no channel: set " + key + " in application.properties"));
        return Arrays.stream(topics.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> client) {
        if (!client.containsKey(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG)) {
            return client; // a producer or an admin client: nothing to set
        }
        client.put(ConsumerConfig.GROUP_ID_CONFIG, EventRuntime.groupId(config, channel));
        int sessionTimeout = (int) config.kafka().sessionTimeout().toMillis();
        client.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionTimeout);
        client.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, sessionTimeout / 4);
        config.kafka().instanceId().ifPresent(id -> client.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        return client;
    }
}
