package dev.privet.network.api;

import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.privet.network.api.NetworkApi.as;
import static dev.privet.network.api.NetworkApi.createSubnet;
import static dev.privet.network.api.NetworkApi.createVpc;
import static dev.privet.network.api.NetworkApi.listed;
import static dev.privet.network.api.NetworkApi.loadBalancer;
import static dev.privet.network.api.NetworkApi.newAccount;
import static dev.privet.network.api.NetworkApi.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A create retried with its {@code Idempotency-Key} answers with the resource the first one created and creates
 * nothing more; the key reused for another request is refused, and stores nothing.
 */
@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IdempotentCreateTest {
    @Inject
    StoredEvents store;

    @Test
    void a_vpc_create_retried_with_its_key_answers_the_same_vpc_and_creates_one() {
        String account = newAccount();
        String key = UUID.randomUUID().toString();
        var first = as(account, key).body(Map.of("cidrBlock", "10.40.0.0/16")).post("/v1/vpcs").then()
                .statusCode(201).extract();
        String vpcId = first.path("vpcId");

        as(account, key).body(Map.of("cidrBlock", "10.40.0.0/16")).post("/v1/vpcs").then().statusCode(201)
                .body("vpcId", equalTo(vpcId)).body("cidrBlock", equalTo("10.40.0.0/16"));

        assertThat(store.ids("VpcCreated", "vpcId", account)).containsExactly(vpcId);
        assertThat(listed(account, "/v1/vpcs", "vpcId")).containsExactly(vpcId);
    }

    @Test
    void a_vpc_key_reused_for_another_request_is_refused_and_stores_nothing() {
        String account = newAccount();
        String key = UUID.randomUUID().toString();
        String vpcId = as(account, key).body(Map.of("cidrBlock", "10.41.0.0/16")).post("/v1/vpcs").then()
                .statusCode(201).extract().path("vpcId");
        long before = store.appendedBy(account);

        as(account, key).body(Map.of("cidrBlock", "10.42.0.0/16")).post("/v1/vpcs").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("IdempotentParameterMismatch"))
                .body("field", equalTo("Idempotency-Key"));

        assertThat(store.appendedBy(account)).isEqualTo(before);
        assertThat(store.ids("VpcCreated", "vpcId", account)).containsExactly(vpcId);
        assertThat(listed(account, "/v1/vpcs", "vpcId")).containsExactly(vpcId);
    }

    @Test
    void a_key_belongs_to_its_account() {
        String key = UUID.randomUUID().toString();
        String one = newAccount();
        String other = newAccount();
        String first = as(one, key).body(Map.of("cidrBlock", "10.43.0.0/16")).post("/v1/vpcs").then()
                .statusCode(201).extract().path("vpcId");
        String second = as(other, key).body(Map.of("cidrBlock", "10.43.0.0/16")).post("/v1/vpcs").then()
                .statusCode(201).extract().path("vpcId");

        assertThat(second).isNotEqualTo(first);
        assertThat(store.ids("VpcCreated", "vpcId", other)).containsExactly(second);
    }

    @Test
    void retries_racing_the_first_create_all_answer_the_one_vpc_it_created() throws Exception {
        String account = newAccount();
        String key = UUID.randomUUID().toString();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<String> answered = new ArrayList<>();
        try {
            List<Future<String>> racing = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racing.add(threads.submit(() -> as(account, key).body(Map.of("cidrBlock", "10.44.0.0/16"))
                        .post("/v1/vpcs").then().statusCode(201).extract().<String>path("vpcId")));
            }
            for (Future<String> f : racing) {
                answered.add(f.get(1, TimeUnit.MINUTES));
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(answered).hasSize(8).containsOnly(answered.getFirst());
        assertThat(store.ids("VpcCreated", "vpcId", account)).containsExactly(answered.getFirst());
    }

    @Test
    void a_load_balancer_create_retried_with_its_key_answers_the_same_load_balancer_and_creates_one() {
        String account = newAccount();
        String subnet = createSubnet(account, createVpc(account, "10.45.0.0/16"), "10.45.1.0/24", "us-east-1a");
        String key = UUID.randomUUID().toString();
        var request = loadBalancer("retried", "network", List.of(subnet), List.of(target("10.45.1.10", 8443)));
        String first = as(account, key).body(request).post("/v1/load-balancers").then().statusCode(201)
                .extract().asString();

        String second = as(account, key).body(request).post("/v1/load-balancers").then().statusCode(201)
                .extract().asString();

        assertThat(second).isEqualTo(first);
        assertThat(store.ids("LoadBalancerCreated", "name", account)).containsExactly("retried");
        // without its key, the same request is a second load balancer of that name
        as(account).body(request).post("/v1/load-balancers").then().statusCode(400)
                .body("code", equalTo("DuplicateLoadBalancerName")).body("field", equalTo("name"));
    }

    @Test
    void a_load_balancer_key_reused_for_another_request_is_refused_and_stores_nothing() {
        String account = newAccount();
        String subnet = createSubnet(account, createVpc(account, "10.46.0.0/16"), "10.46.1.0/24", "us-east-1a");
        String key = UUID.randomUUID().toString();
        as(account, key).body(loadBalancer("first", "network", List.of(subnet), List.of(target("10.46.1.10", 80))))
                .post("/v1/load-balancers").then().statusCode(201);
        long before = store.appendedBy(account);

        as(account, key).body(loadBalancer("second", "network", List.of(subnet), List.of(target("10.46.1.10", 80))))
                .post("/v1/load-balancers").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("IdempotentParameterMismatch")).body("field", equalTo("Idempotency-Key"));

        assertThat(store.appendedBy(account)).isEqualTo(before);
        assertThat(listed(account, "/v1/load-balancers", "loadBalancerName")).containsExactly("first");
        as(account).get("/v1/load-balancers/second").then().statusCode(404);
    }
}
