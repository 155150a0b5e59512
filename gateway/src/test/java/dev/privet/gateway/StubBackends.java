package dev.privet.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stand-ins for the backend services: provider and network are tiny HTTP servers that echo what reached them (as
 * JSON, with a recognisable content type); consumer points at a port where nothing listens.
 */
public class StubBackends implements QuarkusTestResourceLifecycleManager {
    static final String ECHO_TYPE = "application/vnd.privet.echo+json";

    private HttpServer provider;
    private HttpServer network;

    @Override
    public Map<String, String> start() {
        provider = echo("provider");
        network = echo("network");
        return Map.of(
                "privet.services.provider.url", "http://127.0.0.1:" + provider.getAddress().getPort(),
                "privet.services.network.url", "http://127.0.0.1:" + network.getAddress().getPort(),
                "privet.services.consumer.url", "http://127.0.0.1:" + closedPort(),
                "privet.services.dns.url", "http://127.0.0.1:" + network.getAddress().getPort());
    }

    @Override
    public void stop() {
        provider.stop(0);
        network.stop(0);
    }

    private static HttpServer echo(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> answer(name, exchange));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Echoes the request; a path ending in /missing answers 404 problem+json, and one ending in /busy 503 with
     * Retry-After, as a service would.
     */
    private static void answer(String name, HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        // Plain string building: Vert.x's JSON here would load outside Quarkus's class loader and break the app's.
        Map<String, String> echo = new LinkedHashMap<>();
        echo.put("backend", name);
        echo.put("method", exchange.getRequestMethod());
        echo.put("path", exchange.getRequestURI().getRawPath());
        echo.put("query", exchange.getRequestURI().getRawQuery());
        echo.put("body", body);
        echo.put("account", headers.getFirst("X-Privet-Account"));
        echo.put("contentType", headers.getFirst("Content-Type"));
        echo.put("accept", headers.getFirst("Accept"));
        echo.put("idempotencyKey", headers.getFirst("Idempotency-Key"));
        echo.put("secret", headers.getFirst("X-Not-Forwarded"));
        echo.put("gatewaySecret", headers.getFirst("X-Privet-Gateway-Secret"));
        String json = echo.entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + (e.getValue() == null ? "null" : quote(e.getValue())))
                .collect(Collectors.joining(",", "{", "}"));
        boolean missing = exchange.getRequestURI().getPath().endsWith("/missing");
        boolean busy = exchange.getRequestURI().getPath().endsWith("/busy");
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", missing || busy ? "application/problem+json" : ECHO_TYPE);
        if (busy) {
            exchange.getResponseHeaders().add("Retry-After", "1");
        }
        exchange.sendResponseHeaders(missing ? 404 : busy ? 503 : "POST".equals(exchange.getRequestMethod()) ? 201 : 200,
                bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
