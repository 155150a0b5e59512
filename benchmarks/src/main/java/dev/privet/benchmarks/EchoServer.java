package dev.privet.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The idle connections' backend: writes back what it reads, on a virtual thread per connection, until the peer
 * closes. Usage: {@code java -cp privet-benchmarks.jar dev.privet.benchmarks.EchoServer <address> <port>}; runs until
 * it is stopped.
 */
public final class EchoServer {
    private EchoServer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: EchoServer <address> <port>");
        }
        Flags.requireLoopback("<address>", args[0]);
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[1]), 4096, InetAddress.getByName(args[0]));
             ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor()) {
            while (true) {
                Socket s = server.accept();
                connections.submit(() -> echo(s));
            }
        }
    }

    private static void echo(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            byte[] buffer = new byte[256]; // the idle test sends a few bytes at a time
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException ignored) {
            // the peer reset: the test's side reports it
        }
    }
}
