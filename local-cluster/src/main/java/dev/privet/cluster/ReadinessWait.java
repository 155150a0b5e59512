package dev.privet.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Waits, bounded, until every started service answers 200 on {@code /q/health/ready}, reporting
 * each as it becomes ready. Fails at once when one exits, naming it and showing its log's end.
 * Once the cluster runs, {@link #awaitSupervised} waits for one child instead, through its crashes:
 * the supervisor starts it again meanwhile.
 */
final class ReadinessWait {

    private ReadinessWait() {
    }

    static void awaitAll(List<ServiceProcess> services, Duration timeout, Consumer<String> progress,
                         BooleanSupplier cancelled, Ports ports) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServiceProcess> pending = new ArrayList<>(services);
        Map<ServiceProcess, Integer> lastStatus = new HashMap<>();
        while (!pending.isEmpty()) {
            for (ServiceProcess service : List.copyOf(pending)) {
                if (!service.isAlive()) {
                    throw new ClusterStartException(service.diedMessage());
                }
                int status = service.readinessStatus();
                lastStatus.put(service, status);
                if (status == 200) {
                    pending.remove(service);
                    progress.accept(service.service().moduleName() + " ready on " + ports.http(service.service())
                            + " (" + service.sinceStart() + ")");
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (cancelled.getAsBoolean()) {
                throw new ClusterStartException("start cancelled: the cluster is being stopped");
            }
            if (System.nanoTime() > deadline) {
                ServiceProcess late = pending.get(0);
                int status = lastStatus.getOrDefault(late, -1);
                throw new ClusterStartException(late.service().moduleName() + " was not ready after " + timeout.toSeconds()
                        + " s (GET " + late.readinessUri() + " " + (status < 0 ? "got no answer" : "answered " + status) + ")"
                        + (pending.size() > 1 ? "; also not ready: " + String.join(", ",
                        pending.subList(1, pending.size()).stream().map(s -> s.service().moduleName()).toList()) : "")
                        + "; log: " + late.logFile() + "\n---- last lines of its log ----\n" + late.logTail(40));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterStartException("interrupted while waiting for the services", e);
            }
        }
    }

    /**
     * Waits until a supervised child is alive and answers its readiness check; an exit is not a
     * failure here, as the supervisor restarts the child.
     *
     * @param supervisor the cluster's supervisor, null once the cluster stops
     * @param log        the end of the child's log, for the message when it is not ready in time
     * @throws IllegalStateException when the child was stopped on purpose (released)
     * @throws ClusterStartException when it is not ready in time, or the cluster stops
     */
    static void awaitSupervised(Restartable child, Supplier<Supervisor> supervisor, Duration timeout, Supplier<String> log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Supervisor current = supervisor.get();
            if (current == null) {
                throw new ClusterStartException(child.name() + " will not be ready: the cluster is not running");
            }
            if (current.phase(child) == Supervisor.Phase.STOPPED) {
                throw new IllegalStateException(child.name() + " was stopped; startService starts it again");
            }
            if (child.isAlive() && child.isReady()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ClusterStartException(child.name() + " was not ready within " + timeout.toSeconds() + " s ("
                        + (child.isAlive() ? "alive" : "not running") + ", restarts: " + current.restarts(child) + "); " + log.get());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterStartException("interrupted while waiting for " + child.name(), e);
            }
        }
    }
}
