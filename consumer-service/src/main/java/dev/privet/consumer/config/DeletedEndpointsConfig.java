package dev.privet.consumer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How long a deleted endpoint stays in reads ({@code privet.endpoints.deleted-visible-for}): AWS lists a deleted
 * endpoint, state {@code deleted}, for a while and then no more. Its stream stays in the event store for good.
 */
@ConfigMapping(prefix = "privet.endpoints")
public interface DeletedEndpointsConfig {
    @WithDefault("PT1H")
    Duration deletedVisibleFor();
}
