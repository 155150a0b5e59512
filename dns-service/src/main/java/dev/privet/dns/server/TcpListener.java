package dev.privet.dns.server;

import dev.privet.dns.server.DnsAnswers.Transport;
import org.jboss.logging.Logger;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Serves DNS over TCP (RFC 7766): each message has a two-byte length in front, a connection may carry several
 * queries, an idle connection is closed after a while, and a malformed message closes the connection.
 */
final class TcpListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TcpListener.class);
    private static final int IDLE_MILLIS = 10_000;

    private final ServerSocket server;
    private final DnsAnswers answers;
    private final ExecutorService workers;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    TcpListener(ServerSocket server, DnsAnswers answers, int threads) {
        this.server = server;
        this.answers = answers;
        this.workers = Workers.named("dns-tcp-", threads, new ThreadPoolExecutor.AbortPolicy());
    }

    void start() {
        Thread.ofPlatform().name("dns-tcp-acceptor").daemon().start(this::accept);
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket connection;
            try {
                connection = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.debugf("TCP accept failed: %s", e);
                }
                continue;
            }
            try {
                workers.execute(() -> serve(connection));
            } catch (RejectedExecutionException e) {
                closeQuietly(connection); // overloaded: the client retries
            }
        }
    }

    private void serve(Socket connection) {
        connections.add(connection);
        try (connection) {
            connection.setSoTimeout(IDLE_MILLIS);
            var in = new DataInputStream(new BufferedInputStream(connection.getInputStream()));
            var out = new DataOutputStream(new BufferedOutputStream(connection.getOutputStream()));
            while (true) {
                Optional<byte[]> query = readMessage(in);
                Optional<byte[]> response = query.flatMap(q -> answers.answer(q, Transport.TCP));
                if (response.isEmpty()) {
                    return; // closed by the client, idle, or malformed
                }
                out.writeShort(response.get().length);
                out.write(response.get());
                out.flush();
            }
        } catch (IOException e) {
            LOG.debugf("TCP connection ended: %s", e);
        } finally {
            connections.remove(connection);
        }
    }

    private static Optional<byte[]> readMessage(DataInputStream in) throws IOException {
        try {
            byte[] message = new byte[in.readUnsignedShort()];
            in.readFully(message);
            return Optional.of(message);
        } catch (EOFException | SocketTimeoutException e) {
            return Optional.empty();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to do with a connection we are dropping
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        connections.forEach(TcpListener::closeQuietly);
        workers.shutdownNow();
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
