package dev.privet.runtime;

import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.Topic;
import dev.privet.eventstore.EventStore;
import dev.privet.eventstore.EventSubscription;
import dev.privet.eventstore.EventTopics;
import dev.privet.eventstore.OutboxRelay;
import dev.privet.eventstore.Transactions;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Wires the event store into a Quarkus service: the store and its transactions, the outbox relay publishing this
 * service's topic, and one idempotent subscription per {@link EventConsumer} bean. Topics are created at start-up
 * (all four, with infinite retention), before anything reads or writes them.
 */
@ApplicationScoped
public class EventRuntime {
    private static final Logger LOG = Logger.getLogger(EventRuntime.class);

    private final PrivetConfig config;
    private final Transactions transactions;
    private final List<EventConsumer> consumers;
    private final Map<String, EventSubscription> subscriptions = new LinkedHashMap<>();
    private OutboxRelay relay;

    EventRuntime(PrivetConfig config, DataSource dataSource, @All List<EventConsumer> consumers) {
        this.config = config;
        this.transactions = new Transactions(dataSource);
        this.consumers = consumers;
    }

    @Produces
    @Singleton
    Transactions transactions() {
        return transactions;
    }

    @Produces
    @Singleton
    EventStore eventStore() {
        return new EventStore(new EventCodec());
    }

    void start(@Observes StartupEvent startup) {
        String bootstrap = config.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            EventTopics.ensure(admin, Arrays.stream(Topic.values()).map(Topic::topicName).toList(),
                    config.kafka().partitions(), config.kafka().replicationFactor());
        }
        relay = new OutboxRelay(config.serviceName(), ownTopic().topicName(), transactions.dataSource(),
                new KafkaProducer<>(OutboxRelay.producerSettings(bootstrap)), 500, Duration.ofMillis(200));
        transactions.onCommit(relay::wakeUp);
        relay.start();
        for (EventConsumer consumer : consumers) {
            EventSubscription subscription = new EventSubscription(
                    "privet." + config.serviceName() + "." + consumer.name(),
                    consumer.topics().stream().map(Topic::topicName).toList(), bootstrap, transactions, consumer);
            subscriptions.put(consumer.name(), subscription);
            subscription.start();
        }
        LOG.infof("%s: relay publishing to %s, %d subscriptions", config.serviceName(), ownTopic().topicName(),
                subscriptions.size());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        subscriptions.values().forEach(EventSubscription::close);
        if (relay != null) {
            relay.close();
        }
    }

    /** This service's topic: the one whose name carries the service's name. */
    private Topic ownTopic() {
        return Topic.valueOf(config.serviceName().toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * Waits, bounded, until the named consumer has applied everything published before this call (DESIGN rule 10:
     * a miss is confirmed before it is answered).
     */
    public boolean awaitCaughtUp(String consumerName) {
        return subscription(consumerName).awaitCaughtUp(config.consistencyWait());
    }

    public boolean started() {
        return relay != null;
    }

    /** The subscriptions that stopped on their own, with why; none when all is well. */
    public Map<String, String> failedSubscriptions() {
        Map<String, String> failed = new LinkedHashMap<>();
        subscriptions.forEach((name, s) -> s.failure().ifPresent(f -> failed.put(name, f.toString())));
        return failed;
    }

    /** Drops the named read model and replays its topics from the start. */
    public void rebuild(String consumerName) {
        EventConsumer consumer = consumer(consumerName).orElseThrow(() -> new NoSuchElementException(consumerName));
        if (!(consumer instanceof Projection projection)) {
            throw new IllegalArgumentException(consumerName + " is a reaction, not a read model: it cannot be rebuilt");
        }
        subscription(consumerName).rebuild(projection::reset);
    }

    public List<String> consumerNames() {
        return List.copyOf(subscriptions.keySet());
    }

    public Optional<EventConsumer> consumer(String name) {
        return consumers.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private EventSubscription subscription(String name) {
        EventSubscription subscription = subscriptions.get(name);
        if (subscription == null) {
            throw new NoSuchElementException(name);
        }
        return subscription;
    }
}
