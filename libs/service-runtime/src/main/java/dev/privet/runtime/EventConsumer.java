package dev.privet.runtime;

import dev.privet.contracts.events.Topic;
import dev.privet.eventstore.EventHandler;

import java.util.List;

/**
 * A bean that consumes events: a reaction decides and appends events of its own; a {@link Projection} keeps a read
 * model. The runtime gives each one an idempotent subscription, a consumer group named
 * {@code privet.<service>.<name>}.
 */
public interface EventConsumer extends EventHandler {

    /** Unique within the service; names the consumer group and the admin endpoints. */
    String name();

    List<Topic> topics();
}
