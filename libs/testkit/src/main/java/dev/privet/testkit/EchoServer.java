package dev.privet.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A provider's backend for data plane tests: a TCP server on loopback that greets each connection with its name and a
 * newline, then echoes every byte it reads until the client shuts its output, and closes. So a client learns which
 * backend it reached and that its bytes went there and back, half-close included.
 */
public final class EchoServer implements AutoCloseable {
    private final String name;
    private final ServerSocket socket;

    private EchoServer(String name, ServerSocket socket) {
        this.name = name;
        this.socket = socket;
    }

    /** Starts one on a free port of 127.0.0.1, each connection served on a virtual thread. */
    public static EchoServer start(String name) {
        try {
            EchoServer server = new EchoServer(name, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            Thread.ofVirtual().name("echo-" + name).start(server::accept);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /**
     * Connects to {@code host:port}, sends {@code message}, shuts its output and reads to the end: what a client of an
     * echo server gets back, {@code <name>\n<message>}.
     */
    public static String exchange(String host, int port, String message) throws IOException {
        try (Socket client = new Socket(host, port)) {
            client.setSoTimeout(Math.toIntExact(Duration.ofSeconds(10).toMillis()));
            client.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
            client.shutdownOutput();
            return new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            OutputStream out = connection.getOutputStream();
            out.write((name + "\n").getBytes(StandardCharsets.UTF_8));
            InputStream in = connection.getInputStream();
            in.transferTo(out);
        } catch (IOException dropped) {
            // the client went away: nothing to answer
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
