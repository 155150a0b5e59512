package dev.privet.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once topics exist and the relay and every subscription have started; down if a subscription died. */
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
        var response = HealthCheckResponse.named("event-runtime").status(runtime.started() && failed.isEmpty());
        failed.forEach(response::withData);
        return response.build();
    }
}
