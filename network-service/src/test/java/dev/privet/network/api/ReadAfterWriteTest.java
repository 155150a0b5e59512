package dev.privet.network.api;

import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.privet.network.api.NetworkApi.as;
import static dev.privet.network.api.NetworkApi.createSubnet;
import static dev.privet.network.api.NetworkApi.createVpc;
import static dev.privet.network.api.NetworkApi.listed;
import static dev.privet.network.api.NetworkApi.newAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A GET right after the POST that created a resource sees it, from any thread: the read model commits with the
 * events. No retries and no waits here; a miss is a failure.
 */
@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReadAfterWriteTest {
    static final int THREADS = 8;
    static final int CREATES_PER_THREAD = 10;

    /** What one create made: a VPC and a subnet in it. */
    record Created(String vpcId, String subnetId) {
    }

    @Test
    void vpcs_and_subnets_are_listed_and_found_right_after_their_creates_from_many_threads() throws Exception {
        String account = newAccount();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Created> all = new ArrayList<>();
        try {
            List<Future<List<Created>>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                running.add(threads.submit(() -> createAndReadBack(account)));
            }
            for (Future<List<Created>> f : running) {
                all.addAll(f.get(5, TimeUnit.MINUTES)); // a miss in any thread fails the test here
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(listed(account, "/v1/vpcs", "vpcId")).hasSize(THREADS * CREATES_PER_THREAD)
                .containsExactlyInAnyOrderElementsOf(all.stream().map(Created::vpcId).toList());
        assertThat(listed(account, "/v1/subnets", "subnetId")).hasSize(THREADS * CREATES_PER_THREAD)
                .containsExactlyInAnyOrderElementsOf(all.stream().map(Created::subnetId).toList());
    }

    private static List<Created> createAndReadBack(String account) {
        List<Created> created = new ArrayList<>();
        for (int i = 0; i < CREATES_PER_THREAD; i++) {
            String vpc = createVpc(account, "10.20.0.0/16");
            as(account).get("/v1/vpcs").then().statusCode(200).body("vpcId", hasItem(vpc));
            as(account).get("/v1/vpcs/" + vpc).then().statusCode(200).body("vpcId", equalTo(vpc));

            String subnet = createSubnet(account, vpc, "10.20.1.0/24", "us-east-1a");
            as(account).get("/v1/subnets").then().statusCode(200).body("subnetId", hasItem(subnet));
            as(account).get("/v1/subnets/" + subnet).then().statusCode(200).body("vpcId", equalTo(vpc))
                    .body("availableIpAddressCount", equalTo(251));
            created.add(new Created(vpc, subnet));
        }
        return created;
    }
}
