package dev.privet.network.dataplane;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** Settings of the data plane: where its addresses come from and how its forwarders connect. */
@ConfigMapping(prefix = "privet.data-plane")
public interface DataPlaneConfig {

    /**
     * The block data plane addresses are drawn from, one per endpoint interface. The default is loopback: all of
     * 127/8 reaches this host on Linux with no alias to add, so only clients on this host can connect.
     */
    @WithDefault("127.100.0.0/16")
    String pool();

    /** Event-loop threads that relay the forwarded connections (0: twice the processors, Netty's default). */
    @WithDefault("0")
    int threads();

    /**
     * How long the open connections of a released endpoint (deleted, rejected) go on before they are closed: a
     * network load balancer's default deregistration delay. A deregistered target's connections take its group's
     * {@code deregistration_delay.timeout_seconds} instead.
     */
    @WithName("drain-timeout")
    @WithDefault("300s")
    Duration drainTimeout();

    /** How long a forwarder waits for a target to accept before it tries the next one. */
    @WithName("connect-timeout")
    @WithDefault("2s")
    Duration connectTimeout();
}
