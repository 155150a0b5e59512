package dev.privet.dns.server;

import dev.privet.dns.config.DnsConfig;
import dev.privet.dns.projection.DnsReadModel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The DNS server of endpoint names: UDP and TCP listeners on one port, started with the service and stopped with it.
 * It answers from the {@code dns_records} read model, queried per request. That model is written in the transaction
 * that appends the dns events, so a name resolves from the commit of its publication and stops resolving with the
 * commit of its removal, on every replica, before the relay can put either event on Kafka (no cache to invalidate).
 */
@ApplicationScoped
public class DnsServer {
    private static final Logger LOG = Logger.getLogger(DnsServer.class);
    private static final int BIND_ATTEMPTS = 5;

    private final DnsConfig config;
    private final DnsAnswers answers;
    private volatile UdpListener udp;
    private volatile TcpListener tcp;
    private volatile int port;

    DnsServer(DnsConfig config, DnsReadModel readModel) {
        this.config = config;
        this.answers = new DnsAnswers(readModel::addresses);
    }

    void start(@Observes StartupEvent startup) {
        try {
            bind(InetAddress.getByName(config.bindAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the DNS server to " + config.bindAddress() + ":" + config.port(), e);
        }
        udp.start();
        tcp.start();
        LOG.infof("DNS server listening on %s port %d (UDP and TCP)", config.bindAddress(), port);
    }

    /** Binds TCP then UDP to the same port; with port 0 the free TCP port may be taken for UDP, so try again. */
    private void bind(InetAddress address) throws IOException {
        for (int attempt = 1; ; attempt++) {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(address, config.port()), 64);
            try {
                DatagramSocket datagrams = new DatagramSocket(new InetSocketAddress(address, server.getLocalPort()));
                tcp = new TcpListener(server, answers);
                udp = new UdpListener(datagrams, answers, config.threads());
                port = server.getLocalPort();
                return;
            } catch (BindException e) {
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
    }

    /** The port both listeners are bound to; 0 before start and after stop. */
    public int port() {
        return port;
    }

    public boolean bound() {
        return port != 0;
    }
}
