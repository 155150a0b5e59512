package dev.privet.dns.server;

import dev.privet.dns.server.DnsAnswers.Transport;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;

/** Receives DNS queries over UDP on one thread and answers them on a few; under overload, queries are dropped as UDP allows. */
final class UdpListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(UdpListener.class);
    private static final int MAX_DATAGRAM = 65535;

    private final DatagramSocket socket;
    private final DnsAnswers answers;
    private final ExecutorService workers;

    UdpListener(DatagramSocket socket, DnsAnswers answers, int threads) {
        this.socket = socket;
        this.answers = answers;
        this.workers = Workers.named("dns-udp-", threads, new ThreadPoolExecutor.DiscardPolicy());
    }

    void start() {
        Thread.ofPlatform().name("dns-udp-receiver").daemon().start(this::receive);
    }

    private void receive() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.debugf("UDP receive failed: %s", e);
                }
                continue;
            }
            byte[] query = Arrays.copyOfRange(packet.getData(), packet.getOffset(), packet.getOffset() + packet.getLength());
            SocketAddress client = packet.getSocketAddress();
            workers.execute(() -> reply(query, client));
        }
    }

    private void reply(byte[] query, SocketAddress client) {
        answers.answer(query, Transport.UDP).ifPresent(response -> {
            try {
                socket.send(new DatagramPacket(response, response.length, client));
            } catch (IOException e) {
                LOG.debugf("cannot answer %s: %s", client, e);
            }
        });
    }

    @Override
    public void close() {
        socket.close();
        workers.shutdownNow();
    }
}
