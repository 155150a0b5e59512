package dev.privet.network.dataplane;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.Values.HealthCheck;
import dev.privet.contracts.events.Values.Target;
import dev.privet.eventstore.MemoryProjection;
import dev.privet.network.domain.DataPlanePool;
import dev.privet.network.domain.ForwardingTable;
import dev.privet.network.domain.ForwardingTable.Binding;
import dev.privet.network.domain.ForwardingTable.CheckedTarget;
import dev.privet.network.domain.ForwardingTable.Route;
import dev.privet.network.domain.ForwardingTable.TargetSettings;
import dev.privet.network.dataplane.TcpForwarder.Destination;
import dev.privet.network.dataplane.TcpForwarder.Listener;
import dev.privet.network.dataplane.TcpForwarder.Plan;
import dev.privet.network.domain.TargetHealth;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The data plane of this replica: a {@link MemoryProjection} of network-service's own events into a
 * {@link ForwardingTable}, the listeners that table asks for, opened and closed as events arrive, and the health
 * checks of the targets they forward to ({@link HealthChecker}): a new connection goes to a target not found
 * unhealthy. Because the
 * relay publishes an event only once every memory projection has applied it, {@code EndpointNetworkProvisioned}
 * reaches dns-service (which then publishes the endpoint's names and makes it {@code available}) only once its
 * forwarders listen: {@code available} means a client can connect. At a start, nothing is opened until the whole
 * store is read; then every endpoint's listeners open at once, with no action by anyone.
 *
 * <p>Every replica opens every listener on its own host. The local cluster runs one network-service; two replicas on
 * one host would contend for the same addresses, which is why a deployment runs one replica per host (see
 * docs/architecture.md, "The data plane").
 */
@ApplicationScoped
public class Forwarders implements MemoryProjection {
    public static final String NAME = "data-plane";
    private static final Logger LOG = Logger.getLogger(Forwarders.class);

    /** Guarded by itself: events are applied on the tail's thread, targets read on event loops. */
    private final ForwardingTable table = new ForwardingTable();
    /** The open listeners of each endpoint; read and written by {@link #apply} and {@link #caughtUp} only. */
    private final Map<String, Map<Binding, Listener>> listening = new HashMap<>();
    private final DataPlanePool pool;
    private final Duration drainTimeout;
    private final TcpForwarder sockets;
    private final HealthChecker health = new HealthChecker();
    private boolean caughtUp;
    /** The table's {@link ForwardingTable#targetChanges()} the health checks were last reconciled at. */
    private long checkedAt = -1;
    /** The targets checked since then, with their settings; read and written on the tail's thread only. */
    private Map<CheckedTarget, TargetSettings> checked = Map.of();

    Forwarders(DataPlaneConfig config, MeterRegistry registry) {
        this.pool = DataPlanePool.parse(config.pool());
        this.drainTimeout = config.drainTimeout();
        this.sockets = new TcpForwarder(this::planOf, config.threads(), config.connectTimeout(),
                new DataPlaneMetrics(registry));
        Gauge.builder(DataPlaneMetrics.OPEN, sockets, TcpForwarder::openConnections)
                .description("Client connections relayed now").register(registry);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(EventEnvelope envelope) {
        if (!(envelope.event() instanceof NetworkEvent event)) {
            return;
        }
        Set<String> changed;
        synchronized (table) {
            changed = table.apply(event);
        }
        if (caughtUp) {
            changed.forEach(this::reconcile);
            reconcileHealthChecks();
        }
    }

    @Override
    public void caughtUp() {
        caughtUp = true;
        Set<String> endpoints;
        synchronized (table) {
            endpoints = table.endpoints();
        }
        endpoints.forEach(this::reconcile);
        reconcileHealthChecks();
        LOG.infof("The data plane listens on %d addresses and ports for %d endpoints",
                listening.values().stream().mapToInt(Map::size).sum(), listening.size());
    }

    /**
     * A data plane address that no interface holds and that is not in {@code alsoTaken} (those chosen for the same
     * endpoint a moment ago); empty when the pool has none left.
     */
    public Optional<String> freeAddress(Set<String> alsoTaken) {
        synchronized (table) {
            return pool.pick(address -> table.holds(address) || alsoTaken.contains(address),
                    ThreadLocalRandom.current());
        }
    }

    /** The pool's setting, for the reason an endpoint fails when it is exhausted. */
    public DataPlanePool pool() {
        return pool;
    }

    /** What the target's health checks have shown in the group; empty when no listener forwards to the group. */
    public Optional<TargetHealth> healthOf(String targetGroupArn, Target target) {
        return health.healthOf(new CheckedTarget(targetGroupArn, target));
    }

    /** Where a new connection to the binding may go: the listener's targets, but those found unhealthy. */
    private Plan planOf(Binding binding) {
        Route route;
        synchronized (table) {
            route = table.routeOf(binding);
        }
        return new Plan(route.vpcEndpointId(), route.targets().entrySet().stream()
                .filter(target -> health.routable(target.getKey()))
                .map(target -> new Destination(target.getKey(), target.getValue().attributes().proxyProtocolV2()))
                .toList());
    }

    /**
     * Checks exactly the targets listeners forward to now, and drains the connections of those no longer among them
     * (deregistered, or their listener gone) after their group's deregistration delay.
     */
    private void reconcileHealthChecks() {
        Map<CheckedTarget, TargetSettings> wanted;
        synchronized (table) {
            if (table.targetChanges() == checkedAt) {
                return;
            }
            checkedAt = table.targetChanges();
            wanted = table.checkedTargets();
        }
        Map<CheckedTarget, HealthCheck> checks = new HashMap<>();
        wanted.forEach((target, settings) -> checks.put(target, settings.check()));
        health.reconcile(checks);
        checked.forEach((target, settings) -> {
            if (!wanted.containsKey(target)) {
                sockets.drain(connection -> connection.target().equals(target),
                        Duration.ofSeconds(settings.attributes().deregistrationDelaySeconds()));
            }
        });
        checked = wanted;
    }

    /** Opens what the endpoint should listen on and is not yet, and closes what it should no longer. */
    private void reconcile(String vpcEndpointId) {
        Set<Binding> wanted;
        synchronized (table) {
            wanted = table.bindingsOf(vpcEndpointId);
        }
        Map<Binding, Listener> open = listening.computeIfAbsent(vpcEndpointId, id -> new HashMap<>());
        Set<Binding> stopped = new HashSet<>();
        open.entrySet().removeIf(listener -> {
            boolean unwanted = !wanted.contains(listener.getKey());
            if (unwanted) {
                sockets.stopListening(listener.getValue());
                stopped.add(listener.getKey());
            }
            return unwanted;
        });
        if (!stopped.isEmpty()) {
            sockets.drain(connection -> stopped.contains(connection.binding()), drainTimeout);
        }
        for (Binding binding : wanted) {
            if (!open.containsKey(binding)) {
                sockets.listen(binding).ifPresent(listener -> open.put(binding, listener));
            }
        }
        if (open.isEmpty()) {
            listening.remove(vpcEndpointId);
        }
    }

    @PreDestroy
    void stop() {
        sockets.close();
        health.close();
    }
}
