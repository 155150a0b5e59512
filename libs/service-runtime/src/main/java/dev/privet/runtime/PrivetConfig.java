package dev.privet.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/** Settings every Privet service shares; defaults run locally, production values come from the environment. */
@ConfigMapping(prefix = "privet")
public interface PrivetConfig {

    /** The service's own name (provider, consumer, network, dns): names its relay and consumer groups. */
    @WithName("service-name")
    String serviceName();

    /** The AWS region this installation plays. */
    @WithDefault("us-east-1")
    String region();

    /**
     * The secret the gateway sends with every request it passes on ({@value GatewaySecret#HEADER}). When set, the
     * service answers nothing else but its health checks: the account a request names is trusted only because the
     * gateway verified it. Unset (a test, a service run on its own) the service trusts whoever calls it.
     */
    @WithName("gateway-secret")
    Optional<String> gatewaySecret();

    Kafka kafka();

    Events events();

    /**
     * How long a request waits for a view of another service's events to catch up before it answers 503
     * {@code ServiceUnavailable} (DESIGN rule 10: a miss is confirmed, or the client is told to retry).
     */
    @WithName("consistency-wait")
    @WithDefault("PT5S")
    Duration consistencyWait();

    /**
     * How long a command waits, after its commit, until the relay has put its events on Kafka (DESIGN rule 11). A
     * wait that runs out is answered 503; the change is kept, and a retry with the same Idempotency-Key returns it.
     */
    @WithName("publish-wait")
    @WithDefault("PT5S")
    Duration publishWait();

    /** How long a transaction waits for an advisory lock (appends, cross-stream checks) before it fails with 503. */
    @WithName("lock-timeout")
    @WithDefault("PT10S")
    Duration lockTimeout();

    interface Kafka {
        @WithName("bootstrap-servers")
        @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
        String bootstrapServers();

        @WithDefault("3")
        int partitions();

        @WithName("replication-factor")
        @WithDefault("1")
        short replicationFactor();

        /**
         * A stable id of this process among its service's replicas (Kafka static membership): a restarted process
         * takes its partitions back at once. Unset, a dead member's partitions move after the session timeout.
         */
        @WithName("instance-id")
        Optional<String> instanceId();

        @WithName("session-timeout")
        @WithDefault("PT10S")
        Duration sessionTimeout();
    }

    interface Events {
        /** The largest event, as JSON, a command may record; larger ones are refused with 400 before any write. */
        @WithName("max-bytes")
        @WithDefault("262144")
        int maxBytes();

        /**
         * How often a memory projection ({@code MemoryProjection}) looks for events that another replica appended;
         * this replica's own commits reach it at once.
         */
        @WithName("memory-poll")
        @WithDefault("PT0.1S")
        Duration memoryPoll();
    }
}
