package dev.privet.network.dataplane;

import dev.privet.contracts.events.Values.HealthCheck;
import dev.privet.network.domain.ForwardingTable.CheckedTarget;
import dev.privet.network.domain.TargetHealth;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the health checks of every target a listener forwards to, each at its group's interval (the first at once),
 * and keeps what they showed in memory, for the forwarders (which skip unhealthy targets) and for the API. Health is
 * what this replica saw, not an event: it is an observation, and every replica makes its own.
 */
final class HealthChecker implements AutoCloseable {
    private final ScheduledExecutorService clock =
            Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("data-plane-health", true));
    /** The checks running; read and written by {@link #reconcile} only (one thread). */
    private final Map<CheckedTarget, Running> running = new HashMap<>();
    private final Map<CheckedTarget, TargetHealth> health = new ConcurrentHashMap<>();

    private record Running(HealthCheck check, ScheduledFuture<?> schedule) {
    }

    /** Runs exactly the checks {@code wanted}: new targets start {@code initial}, targets no longer used are forgotten. */
    void reconcile(Map<CheckedTarget, HealthCheck> wanted) {
        running.entrySet().removeIf(entry -> {
            boolean stale = !entry.getValue().check().equals(wanted.get(entry.getKey()));
            if (stale) {
                entry.getValue().schedule().cancel(false);
                health.remove(entry.getKey());
            }
            return stale;
        });
        wanted.forEach((target, check) -> running.computeIfAbsent(target, t -> start(t, check)));
    }

    /** What the target's checks have shown; empty for a target no listener forwards to. */
    Optional<TargetHealth> healthOf(CheckedTarget target) {
        return Optional.ofNullable(health.get(target));
    }

    boolean routable(CheckedTarget target) {
        return health.getOrDefault(target, TargetHealth.initial()).routable();
    }

    private Running start(CheckedTarget target, HealthCheck check) {
        health.put(target, TargetHealth.initial());
        // A check that outlasted its interval would overlap the next one: the timeout is kept below the interval.
        Duration timeout = Duration.ofSeconds(Math.min(check.timeoutSeconds(), check.intervalSeconds() - 1));
        return new Running(check, clock.scheduleAtFixedRate(() -> Thread.startVirtualThread(() -> {
            var failure = HealthProbe.check(check, target.target(), timeout);
            health.computeIfPresent(target, (t, seen) -> failure.isEmpty() ? seen.afterPass(check)
                    : seen.afterFailure(check, failure.get()));
        }), 0, check.intervalSeconds(), TimeUnit.SECONDS));
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
