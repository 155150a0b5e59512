package dev.privet.runtime;

import dev.privet.eventstore.EventHandler;

/**
 * A bean that consumes other services' events: a reaction decides and appends events of its own; a
 * {@link Projection} keeps a read model. Each one reads the SmallRye Kafka channel of its name (its topics are
 * {@code mp.messaging.incoming.<name>.topics}) with an {@code @Incoming(NAME) @Blocking} method that hands each poll
 * to {@link EventRuntime#apply}; the runtime gives it an idempotent subscription in the consumer group
 * {@code privet.<service>.<name>}.
 */
public interface EventConsumer extends EventHandler {

    /** Unique within the service; names the channel, the consumer group and the admin endpoints. */
    String name();
}
