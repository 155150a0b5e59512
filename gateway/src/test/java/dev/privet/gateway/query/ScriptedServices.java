package dev.privet.gateway.query;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One stand-in for all four services' JSON APIs: it answers what a test scripted for {@code "METHOD /path"} (200
 * {@code []} when nothing was), and records every request that reached it, so a test sees what the gateway asked.
 */
public class ScriptedServices implements QuarkusTestResourceLifecycleManager {
    /** A request as it reached a service. */
    public record Seen(String method, String uri, String account, String principal, String idempotencyKey,
                       String body) {
    }

    record Answer(int status, String contentType, String body) {
    }

    static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();
    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** From now on, {@code "POST /v1/vpcs"} answers {@code status} with the JSON {@code body}. */
    static void answer(String request, int status, String body) {
        ANSWERS.put(request, new Answer(status, status >= 400 ? "application/problem+json" : "application/json", body));
    }

    static void reset() {
        ANSWERS.clear();
        SEEN.clear();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", ScriptedServices::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("privet.services.provider.url", url, "privet.services.consumer.url", url,
                "privet.services.network.url", url, "privet.services.dns.url", url);
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        SEEN.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                headers.getFirst("X-Privet-Account"), headers.getFirst("X-Privet-Principal"),
                headers.getFirst("Idempotency-Key"), body));
        Answer answer = ANSWERS.getOrDefault(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                new Answer(200, "application/json", "[]"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
