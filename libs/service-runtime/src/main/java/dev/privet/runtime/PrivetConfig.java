package dev.privet.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings every Privet service shares; defaults run locally, production values come from the environment. */
@ConfigMapping(prefix = "privet")
public interface PrivetConfig {

    /** The service's own name (provider, consumer, network, dns): names its relay and consumer groups. */
    @WithName("service-name")
    String serviceName();

    /** The AWS region this installation plays. */
    @WithDefault("us-east-1")
    String region();

    Kafka kafka();

    /** How long a request waits for a read model to catch up before it answers from what it has. */
    @WithName("consistency-wait")
    @WithDefault("PT5S")
    java.time.Duration consistencyWait();

    interface Kafka {
        @WithName("bootstrap-servers")
        @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
        String bootstrapServers();

        @WithDefault("3")
        int partitions();

        @WithName("replication-factor")
        @WithDefault("1")
        short replicationFactor();
    }
}
