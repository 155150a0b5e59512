package dev.privet.dns.server;

import dev.privet.dns.config.DnsConfig;
import dev.privet.dns.zone.ServedNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;

/**
 * The DNS server of endpoint names and hosted zones: UDP and TCP listeners on one port, started with the service and stopped with it.
 * It answers from {@link ServedNames}, in memory, which follows dns-service's event store: dns-service's relay
 * publishes a publication or a removal only once this replica answers accordingly.
 */
@ApplicationScoped
public class DnsServer {
    private static final Logger LOG = Logger.getLogger(DnsServer.class);
    private static final int BIND_ATTEMPTS = 5;
    /** Room for bursts of queries while the threads are busy (the kernel may give less: net.core.rmem_max). */
    private static final int RECEIVE_BUFFER = 4 * 1024 * 1024;

    private final DnsConfig config;
    private final DnsAnswers answers;
    private volatile UdpListener udp;
    private volatile TcpListener tcp;
    private volatile int port;
    private volatile boolean answering;
    private final ServedNames names;

    DnsServer(DnsConfig config, ServedNames names, MeterRegistry registry) {
        this.config = config;
        this.names = names;
        DnsQueryCounts counts = new DnsQueryCounts();
        counts.register(registry);
        this.answers = new DnsAnswers(names, counts);
    }

    /**
     * Binds the port at start (so a port in use fails the start), and answers once the served names have read the
     * store: queries that arrive before wait in the socket's buffers rather than getting an NXDOMAIN a resolver
     * would cache.
     */
    void start(@Observes StartupEvent startup) {
        try {
            bind(InetAddress.getByName(config.bindAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the DNS server to " + config.bindAddress() + ":" + config.port(), e);
        }
        LOG.infof("DNS server bound to %s port %d (UDP and TCP); answering once the served names have read the store",
                config.bindAddress(), port);
        names.whenCaughtUp().thenRun(() -> {
            udp.start();
            tcp.start();
            answering = true;
            LOG.infof("DNS server listening on %s port %d (UDP and TCP), %d names", config.bindAddress(), port,
                    names.size());
        });
    }

    /** Binds TCP then UDP to the same port; with port 0 the free TCP port may be taken for UDP, so try again. */
    private void bind(InetAddress address) throws IOException {
        for (int attempt = 1; ; attempt++) {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(address, config.port()), 64);
            DatagramChannel datagrams = DatagramChannel.open();
            try {
                datagrams.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER)
                        .bind(new InetSocketAddress(address, server.getLocalPort()));
                tcp = new TcpListener(server, answers);
                udp = new UdpListener(datagrams, answers, config.threads());
                port = server.getLocalPort();
                return;
            } catch (BindException e) {
                datagrams.close();
                server.close();
                if (config.port() != 0 || attempt == BIND_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (udp != null) {
            udp.close();
        }
        if (tcp != null) {
            tcp.close();
        }
        port = 0;
        answering = false;
    }

    /** The port both listeners are bound to; 0 before start and after stop. */
    public int port() {
        return port;
    }

    /** Whether it answers queries: bound, and the served names have read the store. */
    public boolean answering() {
        return answering && port != 0;
    }
}
