package dev.privet.dns.server;

import dev.privet.dns.server.DnsAnswers.Transport;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves DNS over UDP: a few threads, each receiving from the one socket, answering and sending, with no hand-over
 * between them (a query is answered on the thread that read it, from memory). The socket takes turns among the
 * threads waiting in {@code receive}; under overload the kernel's receive buffer drops what they cannot take, as UDP
 * allows, and clients retry.
 */
final class UdpListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(UdpListener.class);
    private static final int MAX_DATAGRAM = 65535;

    private final DatagramChannel channel;
    private final DnsAnswers answers;
    private final int threads;
    private final List<Thread> started = new ArrayList<>();

    UdpListener(DatagramChannel channel, DnsAnswers answers, int threads) {
        this.channel = channel;
        this.answers = answers;
        this.threads = threads;
    }

    void start() {
        for (int i = 0; i < threads; i++) {
            started.add(Thread.ofPlatform().name("dns-udp-" + i).daemon().start(this::serve));
        }
    }

    private void serve() {
        ByteBuffer in = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        while (channel.isOpen()) {
            in.clear();
            SocketAddress client;
            try {
                client = channel.receive(in);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.debugf("UDP receive failed: %s", e);
                continue;
            }
            in.flip();
            byte[] query = new byte[in.remaining()];
            in.get(query);
            reply(query, client);
        }
    }

    private void reply(byte[] query, SocketAddress client) {
        try {
            var response = answers.answer(query, Transport.UDP);
            if (response.isPresent()) {
                channel.send(ByteBuffer.wrap(response.get()), client);
            }
        } catch (IOException | RuntimeException e) { // one bad query or client must not end the thread
            LOG.debugf("cannot answer %s: %s", client, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debugf("closing the UDP socket: %s", e);
        }
        for (Thread t : started) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
