package dev.privet.network.dataplane;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the data plane carries, counted on the event loops: made once, so a connection or a read costs an increment
 * and no lookup. The open connections are a gauge of {@link TcpForwarder#openConnections()}.
 */
final class DataPlaneMetrics {
    static final String BYTES = "privet.data.plane.bytes";
    static final String CONNECTIONS = "privet.data.plane.connections";
    static final String OPEN = "privet.data.plane.connections.open";
    static final String FAILED = "privet.data.plane.connections.failed";

    final Counter fromClients;
    final Counter fromTargets;
    final Counter connected;
    /** A client reset at once: no target of its binding accepted the connection. */
    final Counter refused;
    /** A relayed connection that ended in an I/O error (a reset by either end, mostly). */
    final Counter broken;

    DataPlaneMetrics(MeterRegistry registry) {
        fromClients = bytes(registry, "from_client");
        fromTargets = bytes(registry, "from_target");
        connected = Counter.builder(CONNECTIONS).description("Client connections relayed to a target")
                .register(registry);
        refused = failed(registry, "no_target");
        broken = failed(registry, "error");
    }

    private static Counter bytes(MeterRegistry registry, String direction) {
        return Counter.builder(BYTES).baseUnit("bytes").description("Bytes relayed, by the side that sent them")
                .tag("direction", direction).register(registry);
    }

    private static Counter failed(MeterRegistry registry, String reason) {
        return Counter.builder(FAILED).description("Client connections refused or broken, by why")
                .tag("reason", reason).register(registry);
    }
}
