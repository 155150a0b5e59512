package dev.privet.provider.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static dev.privet.provider.api.ProviderApi.OTHER;
import static dev.privet.provider.api.ProviderApi.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read right after a write sees it, lists included, with many writers at once: the read model is written in the
 * transaction that appends the events, so there is nothing to wait for. On each thread one request follows the
 * other, so every read starts only after its write has been answered.
 */
@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReadAfterWriteTest {
    private static final int THREADS = 8;
    private static final int CREATES_PER_THREAD = 10;
    private static final String OTHER_ROOT = "arn:aws:iam::" + OTHER + ":root";

    @TestHTTPResource("/")
    URI root;

    private JsonHttp http;

    @Test
    void every_create_and_permission_change_is_read_back_at_once_from_eight_threads() throws Exception {
        http = new JsonHttp(root);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Set<String>>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String account = "9000000000%02d".formatted(t); // one account per thread: its list is all its own
                threads.add(pool.submit(() -> createAndReadBack(account)));
            }
            for (Future<Set<String>> thread : threads) {
                assertThat(thread.get(3, TimeUnit.MINUTES)).hasSize(CREATES_PER_THREAD);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Creates services one after the other; after each write, reads it back at once. */
    private Set<String> createAndReadBack(String account) throws Exception {
        String lb = "arn:aws:elasticloadbalancing:us-east-1:" + account + ":loadbalancer/net/web/0123456789abcdef";
        Set<String> created = new LinkedHashSet<>();
        for (int i = 0; i < CREATES_PER_THREAD; i++) {
            String id = http.send(account, "POST", SERVICES, Map.of("networkLoadBalancerArns", List.of(lb)), 201)
                    .get("serviceId").asText();
            created.add(id);

            JsonNode list = http.send(account, "GET", SERVICES, null, 200);
            assertThat(StreamSupport.stream(list.spliterator(), false).map(s -> s.get("serviceId").asText()))
                    .as("the list of %s right after creating %s", account, id)
                    .containsExactlyInAnyOrderElementsOf(created);
            assertThat(http.send(account, "GET", SERVICES + "/" + id, null, 200).get("serviceState").asText())
                    .isEqualTo("Pending");

            String permissions = SERVICES + "/" + id + "/permissions";
            http.send(account, "POST", permissions, Map.of("addAllowedPrincipals", List.of(OTHER_ROOT)), 200);
            assertThat(http.send(account, "GET", permissions, null, 200).findValuesAsText("principal"))
                    .as("the permissions of %s right after allowing %s", id, OTHER)
                    .containsExactly(OTHER_ROOT);
        }
        return created;
    }
}
