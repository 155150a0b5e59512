package dev.privet.runtime;

import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.Topic;
import dev.privet.eventstore.AdvisoryLocks;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.eventstore.EventStore;
import dev.privet.eventstore.EventSubscription;
import dev.privet.eventstore.EventTopics;
import dev.privet.eventstore.InlineProjection;
import dev.privet.eventstore.MemoryProjection;
import dev.privet.eventstore.OutboxRelay;
import dev.privet.eventstore.StoreTail;
import dev.privet.eventstore.Transactions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Wires the event store into a Quarkus service: the store with the service's inline projections (its own read
 * models, written with the events), the outbox relay publishing this service's topic, and one idempotent
 * {@link EventSubscription} per {@link EventConsumer} bean (views of other services' events, and reactions), fed by
 * the SmallRye Kafka channel of the consumer's name. Topics are created at start-up (all four, with infinite
 * retention), before anything reads or writes them.
 *
 * <p>It also observes them: the relay's lag ({@value #OUTBOX_LAG}), each subscription's lag
 * ({@value #SUBSCRIPTION_LAG}) and handling time ({@link ObservedHandler}), and the trace of each event, recorded
 * with it at append and continued where it is applied.
 */
@ApplicationScoped
public class EventRuntime {
    private static final Logger LOG = Logger.getLogger(EventRuntime.class);
    static final String OUTBOX_LAG = "privet.outbox.lag.events";
    static final String SUBSCRIPTION_LAG = "privet.subscription.lag.records";
    /** How old a lag a scrape shows may be: reading it costs a query (and, for a subscription, a Kafka request). */
    private static final Duration LAG_FRESHNESS = Duration.ofSeconds(5);
    private static final Duration LAG_READ_TIMEOUT = Duration.ofSeconds(2);

    private final PrivetConfig config;
    private final Transactions transactions;
    private final AdvisoryLocks locks;
    private final EventStore store;
    private final List<EventConsumer> consumers;
    private final Config channels;
    private final MeterRegistry registry;
    private final Tracer tracer;
    private final Map<String, EventSubscription> subscriptions = new LinkedHashMap<>();
    private final List<MemoryProjection> memoryProjections;
    private volatile List<StoreTail> tails = List.of();
    private volatile OutboxRelay relay;

    EventRuntime(PrivetConfig config, Config channels, DataSource dataSource, @All List<EventConsumer> consumers,
                 @All List<InlineProjection> ownReadModels, @All List<MemoryProjection> memoryProjections,
                 MeterRegistry registry, Tracer tracer) {
        this.config = config;
        this.transactions = new Transactions(dataSource, new JtaBoundary(dataSource));
        this.locks = new AdvisoryLocks(config.lockTimeout().toMillis());
        this.store = new EventStore(new EventCodec(), config.events().maxBytes(), locks, ownReadModels,
                TraceParents::current);
        this.consumers = consumers;
        this.channels = channels;
        this.registry = registry;
        this.tracer = tracer;
        this.memoryProjections = memoryProjections;
    }

    /**
     * The subscriptions, one per consumer, made on first use: not in the constructor, because a consumer bean
     * depends on what this runtime produces (a consumer's first poll may come before the start-up event).
     */
    private synchronized Map<String, EventSubscription> subscriptions() {
        if (subscriptions.isEmpty()) {
            for (EventConsumer consumer : consumers) {
                subscriptions.put(consumer.name(), new EventSubscription(groupId(config, consumer.name()),
                        SubscriptionChannels.topics(channels, consumer.name()), config.kafka().bootstrapServers(),
                        transactions, locks, new ObservedHandler(consumer.name(), consumer, registry, tracer)));
            }
        }
        return subscriptions;
    }

    /** The consumer group of a subscription: {@code privet.<service>.<consumer>}. */
    static String groupId(PrivetConfig config, String consumerName) {
        return "privet." + config.serviceName() + "." + consumerName;
    }

    @Produces
    @Singleton
    Transactions transactions() {
        return transactions;
    }

    @Produces
    @Singleton
    EventStore eventStore() {
        return store;
    }

    @Produces
    @Singleton
    DeciderRunner deciderRunner() {
        return new DeciderRunner(store);
    }

    @Produces
    @Singleton
    AdvisoryLocks advisoryLocks() {
        return locks;
    }

    void start(@Observes StartupEvent startup) {
        String bootstrap = config.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            EventTopics.ensure(admin, Arrays.stream(Topic.values()).map(Topic::topicName).toList(),
                    config.kafka().partitions(), config.kafka().replicationFactor());
        }
        OutboxRelay outbox = new OutboxRelay(config.serviceName(), ownTopic().topicName(), transactions.dataSource(),
                () -> new KafkaProducer<>(OutboxRelay.producerSettings(bootstrap)), 500, Duration.ofMillis(200));
        List<StoreTail> started = memoryProjections.stream().map(p -> new StoreTail(p, transactions.dataSource(),
                new EventCodec(), 500, config.events().memoryPoll(), outbox::wakeUp)).toList();
        if (!started.isEmpty()) { // publish only what every memory projection of this replica already shows
            outbox.publishOnlyUpTo(() -> started.stream().mapToLong(StoreTail::position).min().orElseThrow());
        }
        started.forEach(tail -> transactions.onCommit(tail::wakeUp));
        started.forEach(StoreTail::start);
        tails = started;
        transactions.onCommit(outbox::wakeUp);
        outbox.start();
        relay = outbox;
        registerLagGauges(outbox);
        LOG.infof("%s: relay publishing to %s, %d inline read models, %d memory projections, %d subscriptions",
                config.serviceName(), ownTopic().topicName(), store.projections().size(), started.size(),
                subscriptions().size());
    }

    /**
     * The relay's and each subscription's lag. Each gauge holds its {@link Cached} strongly: nothing else does, and
     * with Micrometer's default weak reference it would be collected, and the gauge show NaN.
     */
    private void registerLagGauges(OutboxRelay outbox) {
        Gauge.builder(OUTBOX_LAG, new Cached<>("the relay's lag", LAG_FRESHNESS, outbox::unpublished), Cached::asDouble)
                .description("Events committed to the store that Kafka has not yet acknowledged")
                .tag("service", config.serviceName()).strongReference(true).register(registry);
        subscriptions().forEach((consumer, subscription) -> Gauge.builder(SUBSCRIPTION_LAG,
                        new Cached<>("the lag of " + consumer, LAG_FRESHNESS, () -> subscription.lag(LAG_READ_TIMEOUT)),
                        Cached::asDouble)
                .description("Records of the subscription's topics published but not yet applied")
                .tag("service", config.serviceName()).tag("subscription", consumer).strongReference(true)
                .register(registry));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        subscriptions().values().forEach(EventSubscription::close);
        if (relay != null) {
            relay.close();
        }
        tails.forEach(StoreTail::close);
    }

    /**
     * Applies one poll of the named consumer's channel; its {@code @Incoming} method calls this, and the connector
     * commits the offsets once it returns (see {@link EventSubscription#apply}).
     */
    public void apply(String consumerName, Iterable<ConsumerRecord<String, byte[]>> records) {
        subscription(consumerName).apply(records);
    }

    /** The subscription whose consumer group this is, if it is one of this service's. */
    Optional<EventSubscription> subscriptionOfGroup(String groupId) {
        return subscriptions().values().stream().filter(s -> s.name().equals(groupId)).findFirst();
    }

    /** This service's topic: the one whose name carries the service's name. */
    private Topic ownTopic() {
        return Topic.valueOf(config.serviceName().toUpperCase(Locale.ROOT));
    }

    /**
     * Waits, bounded by {@code privet.consistency-wait}, until the named view of other services' events has applied
     * everything published before this call (DESIGN rule 10: a miss is confirmed before it is answered).
     *
     * @throws Rejection {@code ServiceUnavailable} when it did not catch up in time: the miss is not confirmed
     */
    public void catchUp(String consumerName) {
        if (!subscription(consumerName).awaitCaughtUp(config.consistencyWait())) {
            throw Rejection.unavailable("the " + consumerName + " view of other services' events did not catch up within "
                    + config.consistencyWait().toMillis() + " ms; retry the request");
        }
    }

    /**
     * Waits, bounded by {@code privet.publish-wait}, until the relay has put every event up to {@code position} on
     * Kafka (DESIGN rule 11), so the next request, in any service, can see them.
     *
     * @throws Rejection {@code ServiceUnavailable} when they were not published in time (they are kept, and will be)
     */
    public void awaitPublished(long position) {
        OutboxRelay outbox = relay;
        if (outbox == null || !outbox.awaitPublished(position, config.publishWait())) {
            throw Rejection.unavailable("the change was recorded but not yet published to the other services within "
                    + config.publishWait().toMillis() + " ms; retry the request (with the same Idempotency-Key for a create)");
        }
    }

    public boolean started() {
        return relay != null;
    }

    /** Why the relay cannot get past an event, while it cannot; empty when it publishes. */
    public Optional<String> relayStuck() {
        OutboxRelay outbox = relay;
        return outbox == null ? Optional.empty() : outbox.stuck();
    }

    /**
     * The memory projections that are not ready, with why: still reading the store up to where it was when they
     * started, or stopped at an event this build cannot read. None when all are current.
     */
    public Map<String, String> laggingMemoryProjections() {
        Map<String, String> lagging = new LinkedHashMap<>();
        for (StoreTail tail : tails) {
            tail.stuck().or(() -> tail.caughtUp() ? Optional.empty()
                    : Optional.of("reading the event store, at position " + tail.position()))
                    .ifPresent(why -> lagging.put(tail.name(), why));
        }
        return lagging;
    }

    /** The subscriptions that stopped on their own, with why; none when all is well. */
    public Map<String, String> failedSubscriptions() {
        Map<String, String> failed = new LinkedHashMap<>();
        subscriptions().forEach((name, s) -> s.failure().ifPresent(f -> failed.put(name, f.toString())));
        return failed;
    }

    /**
     * Drops the named read model and builds it again: an own read model from the event store in position order, a
     * view of other services' events from their topics.
     */
    public void rebuild(String readModel) {
        Optional<InlineProjection> own = ownReadModel(readModel);
        if (own.isPresent()) {
            transactions.inTransaction(c -> {
                store.rebuild(c, own.get());
                return null;
            });
            return;
        }
        EventConsumer consumer = consumer(readModel).orElseThrow(() -> new NoSuchElementException(readModel));
        if (!(consumer instanceof Projection projection)) {
            throw new IllegalArgumentException(readModel + " is a reaction, not a read model: it cannot be rebuilt");
        }
        subscription(readModel).rebuild(projection::reset);
    }

    public List<String> consumerNames() {
        return List.copyOf(subscriptions().keySet());
    }

    public List<String> ownReadModelNames() {
        return store.projections().stream().map(InlineProjection::name).toList();
    }

    public Optional<InlineProjection> ownReadModel(String name) {
        return store.projections().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<EventConsumer> consumer(String name) {
        return consumers.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private EventSubscription subscription(String name) {
        EventSubscription subscription = subscriptions().get(name);
        if (subscription == null) {
            throw new NoSuchElementException(name);
        }
        return subscription;
    }
}
