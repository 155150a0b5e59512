package dev.privet.provider.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privet.runtime.Caller;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JSON client of the service for tests that send from several threads at once: a plain JDK {@link HttpClient},
 * which is made for that, where rest-assured's static setup is not.
 */
final class JsonHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI root;

    JsonHttp(URI root) {
        this.root = root;
    }

    /** Sends {@code body} (none when null) as {@code account}; asserts the status and returns the answer's JSON. */
    JsonNode send(String account, String method, String path, Object body, int expectedStatus) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        HttpRequest request = HttpRequest.newBuilder(root.resolve(path))
                .header(Caller.HEADER, account)
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s answered %s", method, path, response.body())
                .isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }
}
