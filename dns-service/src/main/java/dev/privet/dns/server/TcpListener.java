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
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Serves DNS over TCP (RFC 7766): each message has a two-byte length in front, a connection may carry several
 * queries, an idle connection is closed after a while, and a malformed message closes the connection. A message
 * must arrive whole within {@value #MESSAGE_MILLIS} ms of its length (a client trickling bytes cannot hold a
 * connection), connections are served on virtual threads, and at most {@value #MAX_CONNECTIONS} at once.
 */
final class TcpListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TcpListener.class);
    private static final int IDLE_MILLIS = 10_000;
    private static final int MESSAGE_MILLIS = 2_000;
    private static final int MAX_CONNECTIONS = 256;

    private final ServerSocket server;
    private final DnsAnswers answers;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("dns-tcp-", 0).factory());
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    TcpListener(ServerSocket server, DnsAnswers answers) {
        this.server = server;
        this.answers = answers;
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
                    pause(); // out of file descriptors, say: do not spin
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                closeQuietly(connection); // overloaded: the client retries
                continue;
            }
            try {
                workers.execute(() -> {
                    try {
                        serve(connection);
                    } finally {
                        slots.release();
                    }
                });
            } catch (RejectedExecutionException e) {
                slots.release();
                closeQuietly(connection); // shutting down
            }
        }
    }

    private void serve(Socket connection) {
        connections.add(connection);
        try (connection) {
            var in = new DataInputStream(new BufferedInputStream(connection.getInputStream()));
            var out = new DataOutputStream(new BufferedOutputStream(connection.getOutputStream()));
            while (true) {
                Optional<byte[]> query = readMessage(connection, in);
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

    private static Optional<byte[]> readMessage(Socket connection, DataInputStream in) throws IOException {
        try {
            connection.setSoTimeout(IDLE_MILLIS);
            byte[] message = new byte[in.readUnsignedShort()];
            long deadline = System.nanoTime() + MESSAGE_MILLIS * 1_000_000L;
            int read = 0;
            while (read < message.length) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return Optional.empty();
                }
                connection.setSoTimeout((int) left);
                int n = in.read(message, read, message.length - read);
                if (n < 0) {
                    return Optional.empty();
                }
                read += n;
            }
            return Optional.of(message);
        } catch (EOFException | SocketTimeoutException e) {
            return Optional.empty();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
