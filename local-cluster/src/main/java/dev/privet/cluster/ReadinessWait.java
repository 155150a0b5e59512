package dev.privet.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Waits, bounded, until every started service answers 200 on {@code /q/health/ready}, reporting
 * each as it becomes ready. Fails at once when one exits, naming it and showing its log's end.
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
}
