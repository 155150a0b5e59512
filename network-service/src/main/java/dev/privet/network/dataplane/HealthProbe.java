package dev.privet.network.dataplane;

import dev.privet.contracts.events.Values.HealthCheck;
import dev.privet.contracts.events.Values.Target;
import dev.privet.network.domain.TargetHealth.Failure;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;

/**
 * One health check of one target, as Elastic Load Balancing runs it: TCP passes when the connection is accepted;
 * HTTP and HTTPS pass when the answer to {@code GET <path>} has a status from 200 to 399 (a network load balancer's
 * matcher). HTTPS does not verify the target's certificate, as Elastic Load Balancing does not. Blocking, with the
 * check's timeout on the connect and on the answer: it runs on a virtual thread.
 */
final class HealthProbe {
    private static final SSLContext TRUSTING = trustingContext();

    private HealthProbe() {
    }

    /** Empty when the target passed, else why it failed. */
    static Optional<Failure> check(HealthCheck check, Target target, Duration timeout) {
        int port = check.portFor(target.port());
        int millis = Math.toIntExact(timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.host(), port), millis);
            socket.setSoTimeout(millis);
            return switch (check.protocol()) {
                case "HTTP" -> http(socket, check, target.host(), port);
                case "HTTPS" -> {
                    try (SSLSocket tls = (SSLSocket) TRUSTING.getSocketFactory()
                            .createSocket(socket, target.host(), port, true)) {
                        tls.startHandshake();
                        yield http(tls, check, target.host(), port);
                    }
                }
                default -> Optional.empty();
            };
        } catch (SocketTimeoutException e) {
            return Optional.of(Failure.TIMEOUT);
        } catch (IOException e) {
            return Optional.of(Failure.REFUSED);
        }
    }

    private static Optional<Failure> http(Socket socket, HealthCheck check, String host, int port) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + check.requestPath() + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nUser-Agent: ELB-HealthChecker/2.0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.US_ASCII)).readLine();
        String[] parts = statusLine == null ? new String[0] : statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            return Optional.of(Failure.REFUSED);
        }
        try {
            int status = Integer.parseInt(parts[1]);
            return status >= 200 && status <= 399 ? Optional.empty() : Optional.of(Failure.responseCode(status));
        } catch (NumberFormatException e) {
            return Optional.of(Failure.REFUSED);
        }
    }

    private static SSLContext trustingContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }
}
