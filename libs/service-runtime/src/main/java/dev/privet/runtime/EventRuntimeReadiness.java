package dev.privet.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once topics exist, the relay and every subscription have started, and every memory projection has read the
 * event store up to where it was when it started. Down, with why in the data, while a
 * subscription is not consuming everything (it stopped, or a partition waits at an event this build cannot read) or
 * the relay is stuck at an event Kafka refuses: the service still answers, but what it appends is not published, or
 * what others publish is not applied, so it should not take traffic that expects either.
 */
@Readiness
@ApplicationScoped
public class EventRuntimeReadiness implements HealthCheck {
    private final EventRuntime runtime;

    EventRuntimeReadiness(EventRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
        var failed = runtime.failedSubscriptions();
        var lagging = runtime.laggingMemoryProjections();
        var stuck = runtime.relayStuck();
        var response = HealthCheckResponse.named("event-runtime")
                .status(runtime.started() && failed.isEmpty() && lagging.isEmpty() && stuck.isEmpty());
        failed.forEach(response::withData);
        lagging.forEach(response::withData);
        stuck.ifPresent(why -> response.withData("relay", why));
        return response.build();
    }
}
