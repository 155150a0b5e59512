package dev.privet.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privet.cluster.LocalCluster;
import dev.privet.cluster.PrivetService;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crash recovery against the real processes: each service, then the Kafka broker, is killed with SIGKILL in the middle
 * of a burst of endpoint creations through the gateway. Nobody restarts it but the local cluster's own supervisor, and
 * every endpoint whose creation was answered 201 must become available.
 *
 * <p>A creation the gateway could not deliver while a service was down (502, 503, 504) is retried the way an AWS SDK
 * retries: the same {@code Idempotency-Key}, a pause between attempts, a bound on the whole. The only other waits are
 * for states that are asynchronous by design (a restarted process becoming ready, an endpoint becoming available).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("crash recovery: kill -9 during a burst of endpoint creations, healed by the cluster's supervisor")
@ExtendWith(SharedCluster.class)
@Order(Integer.MAX_VALUE) // last: no class after it meets the processes it had killed
class CrashRecoveryTest {
    static final String PROVIDER = "565656565656";
    static final String CONSUMER = "787878787878";
    static final int BURST = 20;
    static final int CLIENTS = 4;
    /** How many creations are answered before the kill: the rest of the burst is in flight or still to come. */
    static final int KILL_AFTER = 5;
    static final Set<Integer> RETRYABLE = Set.of(502, 503, 504);
    /** Well above a restart on a loaded 2-core machine (a broker took 45 s there, a service 40 s). */
    static final Duration CREATE_RETRIES_FOR = Duration.ofSeconds(120);
    static final Duration TO_AVAILABLE = Duration.ofSeconds(120);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static LocalCluster cluster;
    static GatewayJson gateway;
    static List<String> progress;

    static String serviceName;
    static String consumerVpc;
    static String consumerSubnet;

    @BeforeAll
    static void publishAService(LocalCluster shared) {
        cluster = shared;
        progress = SharedCluster.progress();
        gateway = new GatewayJson(cluster.gatewayUrl());

        String providerVpc = gateway.create(PROVIDER, "/v1/vpcs", Map.of("cidrBlock", "10.0.0.0/16"), "vpcId");
        String providerSubnet = gateway.create(PROVIDER, "/v1/subnets",
                Map.of("vpcId", providerVpc, "cidrBlock", "10.0.1.0/24", "availabilityZone", "us-east-1a"), "subnetId");
        String nlb = gateway.create(PROVIDER, "/v1/load-balancers", Map.of("name", "web", "type", "network",
                "subnetIds", List.of(providerSubnet), "listeners", List.of(Map.of("protocol", "TCP", "port", 443)),
                "targets", List.of(Map.of("host", "127.0.0.1", "port", 8443))), "loadBalancerArn");
        var service = gateway.as(PROVIDER).body(Map.of("networkLoadBalancerArns", List.of(nlb), "acceptanceRequired", false))
                .post("/v1/endpoint-services").then().statusCode(201).extract();
        serviceName = service.path("serviceName");
        gateway.as(PROVIDER).body(Map.of("addAllowedPrincipals", List.of("arn:aws:iam::" + CONSUMER + ":root")))
                .post("/v1/endpoint-services/" + service.path("serviceId") + "/permissions").then().statusCode(200);
        consumerVpc = gateway.create(CONSUMER, "/v1/vpcs", Map.of("cidrBlock", "172.31.0.0/16"), "vpcId");
        consumerSubnet = gateway.create(CONSUMER, "/v1/subnets",
                Map.of("vpcId", consumerVpc, "cidrBlock", "172.31.0.0/20", "availabilityZone", "us-east-1a"), "subnetId");
    }

    @Test
    @Order(1)
    void a_killed_service_is_started_again_by_the_cluster_itself() throws Exception {
        int before = cluster.restarts(PrivetService.GATEWAY);

        cluster.killService(PrivetService.GATEWAY);
        cluster.awaitReady(PrivetService.GATEWAY);

        assertThat(cluster.restarts(PrivetService.GATEWAY)).isEqualTo(before + 1);
        assertThat(progress).contains("gateway exited with code 137; restarting in 1 s (restart " + (before + 1) + ")");
        gateway.as(CONSUMER).get("/v1/vpcs/" + consumerVpc).then().statusCode(200);
        Status status = privetStatus();
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).startsWith("Privet is ready (pid " + ProcessHandle.current().pid())
                .containsPattern("gateway +http://127\\.0\\.0\\.1:\\d+ +pid \\d+ alive +ready +" + (before + 1));
    }

    @Test
    @Order(2)
    void a_stopped_service_stays_down_and_status_says_so() throws Exception {
        cluster.stopService(PrivetService.GATEWAY);

        Status down = privetStatus();
        assertThat(down.exitCode()).as(down.output()).isEqualTo(1);
        assertThat(down.output()).startsWith("Privet is not ready (pid ").contains("): gateway: process gone (stopped)\n");

        cluster.startService(PrivetService.GATEWAY);

        Status up = privetStatus();
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).startsWith("Privet is ready (pid ");
    }

    @ParameterizedTest(name = "kill -9 of {0} during a burst")
    @EnumSource(value = PrivetService.class, names = {"NETWORK", "PROVIDER", "CONSUMER", "DNS"})
    @Order(3)
    void every_endpoint_answered_201_becomes_available_after_a_kill_of(PrivetService service) throws Exception {
        int before = cluster.restarts(service);

        List<Create> creates = burstOfCreations(() -> cluster.killService(service));
        cluster.awaitReady(service);

        assertThat(cluster.restarts(service)).as("restarted by the supervisor, not by the test").isEqualTo(before + 1);
        assertThat(progress).anyMatch(line -> line.startsWith(service.moduleName() + " exited with code 137; restarting in "));
        assertEveryCreateAnsweredAndAvailable(creates);
    }

    @Test
    @Order(4)
    void every_endpoint_answered_201_becomes_available_after_a_broker_kill() throws Exception {
        int before = cluster.kafkaRestarts();

        List<Create> creates = burstOfCreations(cluster::killKafka);
        cluster.awaitKafkaReady();

        assertThat(cluster.kafkaRestarts()).as("restarted by the supervisor, not by the test").isEqualTo(before + 1);
        assertThat(progress).contains("the Kafka broker exited with code 137; restarting in 1 s (restart " + (before + 1) + ")");
        assertEveryCreateAnsweredAndAvailable(creates);
    }

    @Test
    @Order(5)
    void after_the_crashes_every_read_model_equals_its_rebuild() throws Exception {
        Map<String, String> live = everythingAClientCanRead();

        for (PrivetService service : List.of(PrivetService.NETWORK, PrivetService.PROVIDER, PrivetService.CONSUMER,
                PrivetService.DNS)) {
            String admin = cluster.serviceUrl(service) + "/admin/consumers";
            for (var model : JSON.readTree(send(HttpRequest.newBuilder(URI.create(admin))
                    .header("X-Privet-Gateway-Secret", cluster.gatewaySecret()).GET()).body())) {
                if (model.path("readModel").asBoolean()) {
                    HttpResponse<String> rebuilt = send(HttpRequest.newBuilder(
                            URI.create(admin + "/" + model.path("name").asText() + "/rebuild"))
                            .header("X-Privet-Gateway-Secret", cluster.gatewaySecret())
                            .POST(HttpRequest.BodyPublishers.noBody()));
                    assertThat(rebuilt.statusCode()).as(() -> service + " " + model + ": " + rebuilt.body()
                            + "\n" + failuresIn(cluster.logFile(service))).isEqualTo(200);
                }
            }
        }

        assertThat(everythingAClientCanRead()).isEqualTo(live);
    }

    /**
     * The service log's last three errors with the lines that follow each (their stack traces): what a failed
     * request's 500 does not say, kept in the test's report, since the shared cluster's folder is deleted after the run.
     */
    private static String failuresIn(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            List<Integer> errors = IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains(" ERROR "))
                    .boxed().toList();
            StringBuilder failures = new StringBuilder();
            for (int i : errors.subList(Math.max(0, errors.size() - 3), errors.size())) {
                lines.subList(i, Math.min(lines.size(), i + 40)).forEach(l -> failures.append(l).append('\n'));
            }
            return failures.isEmpty() ? "no ERROR in " + log : failures.toString();
        } catch (IOException e) {
            return "cannot read " + log + ": " + e;
        }
    }

    /** Every answer the two accounts get from the read models, by request. */
    private static Map<String, String> everythingAClientCanRead() throws Exception {
        Map<String, String> answers = new TreeMap<>();
        for (String account : List.of(PROVIDER, CONSUMER)) {
            for (String path : List.of("/v1/vpcs", "/v1/subnets", "/v1/load-balancers", "/v1/network-interfaces",
                    "/v1/endpoint-services", "/v1/vpc-endpoints", "/v1/vpc-endpoint-services")) {
                answers.put(account + " " + path, read(account, path));
            }
        }
        for (var endpoint : JSON.readTree(answers.get(CONSUMER + " /v1/vpc-endpoints"))) {
            String path = "/v1/endpoint-dns/" + endpoint.path("vpcEndpointId").asText();
            answers.put(path, read(CONSUMER, path));
        }
        return answers;
    }

    private static String read(String account, String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(cluster.gatewayUrl() + path))
                .header("X-Privet-Account", account).GET());
        return response.statusCode() + " " + response.body();
    }

    /** {@link #BURST} creations from {@link #CLIENTS} clients; {@code kill} runs once {@link #KILL_AFTER} are answered. */
    private static List<Create> burstOfCreations(Runnable kill) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch answered = new CountDownLatch(KILL_AFTER);
            List<Future<Create>> futures = IntStream.range(0, BURST).mapToObj(i -> clients.submit(() -> {
                try {
                    return createEndpoint();
                } finally {
                    answered.countDown();
                }
            })).toList();
            assertThat(answered.await(CREATE_RETRIES_FOR.toSeconds(), TimeUnit.SECONDS)).as("first creations answered").isTrue();
            kill.run();
            long killedAt = System.nanoTime();
            List<Create> creates = new ArrayList<>();
            for (Future<Create> future : futures) {
                creates.add(future.get(CREATE_RETRIES_FOR.toSeconds() + 30, TimeUnit.SECONDS));
            }
            System.out.printf("burst: %d creations, %d answered after the kill, %d attempts in all, last answer %.1f s after the kill%n",
                    creates.size(), creates.stream().filter(c -> c.answeredAt() > killedAt).count(),
                    creates.stream().mapToInt(Create::attempts).sum(),
                    (creates.stream().mapToLong(Create::answeredAt).max().orElse(killedAt) - killedAt) / 1e9);
            return creates;
        } finally {
            clients.shutdownNow();
        }
    }

    private static void assertEveryCreateAnsweredAndAvailable(List<Create> creates) {
        assertThat(creates).as("every creation answered 201, retried as an SDK retries while a service was down")
                .allMatch(c -> c.status() == 201);
        List<String> ids = creates.stream().map(Create::endpointId).toList();
        assertThat(ids).doesNotHaveDuplicates();
        AtomicReference<Map<String, String>> last = new AtomicReference<>(Map.of());
        long since = System.nanoTime();
        await().atMost(TO_AVAILABLE).pollInterval(Duration.ofMillis(500))
                .failFast("an endpoint ended rejected or failed", () -> last.get().containsValue("rejected")
                        || last.get().containsValue("failed"))
                .untilAsserted(() -> {
                    last.set(states(ids));
                    assertThat(last.get()).as("state of each endpoint").allSatisfy((id, state) ->
                            assertThat(state).as(id).isEqualTo("available"));
                });
        System.out.printf("all %d endpoints available %.1f s after the burst%n", ids.size(), (System.nanoTime() - since) / 1e9);
    }

    private static Map<String, String> states(List<String> ids) throws Exception {
        Map<String, String> states = new TreeMap<>();
        for (String id : ids) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(cluster.gatewayUrl() + "/v1/vpc-endpoints/" + id))
                    .header("X-Privet-Account", CONSUMER).GET());
            states.put(id, response.statusCode() == 200 ? JSON.readTree(response.body()).path("state").asText()
                    : "HTTP " + response.statusCode());
        }
        return states;
    }

    /** One endpoint creation, retried with the same Idempotency-Key while there is no answer, or 502, 503 or 504. */
    private static Create createEndpoint() throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();
        String body = JSON.writeValueAsString(Map.of("serviceName", serviceName, "vpcId", consumerVpc,
                "subnetIds", List.of(consumerSubnet), "vpcEndpointType", "Interface"));
        AtomicReference<Create> answer = new AtomicReference<>();
        try {
            await().atMost(CREATE_RETRIES_FOR).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        answer.set(attempt(body, idempotencyKey, answer.get() == null ? 1 : answer.get().attempts() + 1));
                        return !answer.get().retryable();
                    });
        } catch (ConditionTimeoutException stillFailing) {
            // the last answer tells the assertion what went wrong
        }
        return answer.get();
    }

    private static Create attempt(String body, String idempotencyKey, int attempt) throws Exception {
        HttpResponse<String> response;
        try {
            response = send(HttpRequest.newBuilder(URI.create(cluster.gatewayUrl() + "/v1/vpc-endpoints"))
                    .header("X-Privet-Account", CONSUMER).header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        } catch (IOException noAnswer) {
            return new Create(-1, null, attempt, String.valueOf(noAnswer), System.nanoTime());
        }
        String endpointId = response.statusCode() == 201 ? JSON.readTree(response.body()).path("vpcEndpointId").asText() : null;
        return new Create(response.statusCode(), endpointId, attempt, response.body(), System.nanoTime());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code ./privet status} on this cluster's data directory, run as a user runs it. */
    private static Status privetStatus() throws Exception {
        ProcessBuilder command = new ProcessBuilder(cluster.repositoryRoot().resolve("privet").toString(), "status")
                .redirectErrorStream(true).directory(cluster.repositoryRoot().toFile());
        command.environment().put("PRIVET_DATA_DIR", cluster.dataDirectory().toString());
        Process process = command.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Status(process.exitValue(), output);
    }

    /** What a creation came to: its last answer (-1: none), how many attempts it took, and when (nano time). */
    record Create(int status, String endpointId, int attempts, String lastBody, long answeredAt) {
        boolean retryable() {
            return status < 0 || RETRYABLE.contains(status);
        }
    }

    record Status(int exitCode, String output) {
    }
}
