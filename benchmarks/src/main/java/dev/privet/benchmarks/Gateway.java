package dev.privet.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * The gateway's JSON API as a client calls it: each request names its account in {@code X-Privet-Account} (which the
 * local cluster allows), JSON in and out, HTTP/1.1 on virtual threads.
 */
final class Gateway {
    private final String base;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(5)).build();

    Gateway(String base) {
        this.base = base.replaceAll("/+$", "");
    }

    String base() {
        return base;
    }

    /** Fails, saying how to start a cluster, unless the gateway's health answers 200. */
    void requireHealthy() throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the gateway's health at " + base + "/q/health is "
                        + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("no gateway answers at " + base + " (" + e
                    + "): start the cluster with ./privet up", e);
        }
    }

    /** A create: 201 expected. */
    JsonNode post(String account, String path, Object body) throws Exception {
        return call("POST", account, path, body, 201);
    }

    /** A call that must answer {@code expected}; its body as JSON. */
    JsonNode call(String method, String account, String path, Object body, int expected) throws Exception {
        HttpResponse<String> r = send(method, account, path, body);
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return json(r);
    }

    /** A call whatever it answers. */
    HttpResponse<String> send(String method, String account, String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("X-Privet-Account", account).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }
}
