package dev.privet.consumer.api;

import dev.privet.consumer.domain.VpcEndpoint;
import dev.privet.consumer.domain.VpcEndpointDecider;
import dev.privet.consumer.domain.VpcEndpointState;
import dev.privet.consumer.projection.VpcEndpointRow;
import dev.privet.consumer.projection.VpcEndpointsView;
import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.eventstore.Transactions;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.privet.consumer.api.ConsumerApi.ASYNC;
import static dev.privet.consumer.api.ConsumerApi.PROVIDER;
import static dev.privet.consumer.api.ConsumerApi.body;
import static dev.privet.consumer.api.ConsumerApi.create;
import static dev.privet.consumer.api.ConsumerApi.delete;
import static dev.privet.consumer.api.ConsumerApi.get;
import static dev.privet.consumer.api.ConsumerApi.list;
import static dev.privet.consumer.api.ConsumerApi.newAccount;
import static dev.privet.consumer.api.ConsumerApi.rootArn;
import static dev.privet.consumer.api.ConsumerApi.services;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(PrivetServiceTestResource.class)
@DisplayName("consumer-service read models")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReadModelTest {
    static OtherServices others;

    @Inject
    Transactions transactions;
    @Inject
    DeciderRunner deciders;

    @BeforeAll
    static void connect() {
        others = new OtherServices();
    }

    @Test
    void an_endpoint_is_read_and_listed_right_after_its_create_from_many_threads_at_once() throws Exception {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, false, rootArn(consumer));
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        var request = body(service, network.vpcId(), List.of(network.subnetId()));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> created = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                created.add(threads.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        String id = create(consumer, request).statusCode(201).extract().path("vpcEndpointId");
                        get(consumer, id).statusCode(200).body("vpcEndpointId", equalTo(id));
                        list(consumer).statusCode(200).body("vpcEndpointId", hasItem(id));
                        ids.add(id);
                    }
                    return ids;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : created) {
                all.addAll(f.get(2, TimeUnit.MINUTES));
            }
            List<String> listed = list(consumer).statusCode(200).extract().path("vpcEndpointId");
            assertThat(listed).hasSize(80).containsExactlyInAnyOrderElementsOf(all);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void rebuilding_the_endpoints_while_endpoints_are_written_gives_the_model_of_the_store() throws Exception {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, false, rootArn(consumer));
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        var request = body(service, network.vpcId(), List.of(network.subnetId()));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> writes = writer.submit(() -> {
                while (writing.get()) {
                    String id = create(consumer, request).statusCode(201).extract().path("vpcEndpointId");
                    if (written.incrementAndGet() % 3 == 0) {
                        delete(consumer, id).statusCode(200);
                    }
                }
            });
            for (int i = 0; i < 3; i++) {
                int before = written.get();
                await().atMost(ASYNC).until(() -> written.get() > before + 2); // rebuild between writes
                given().post("/admin/consumers/" + VpcEndpointsView.NAME + "/rebuild").then().statusCode(200)
                        .body("rebuilt", equalTo(true));
            }
            writing.set(false);
            writes.get(1, TimeUnit.MINUTES);
        } finally {
            writer.shutdownNow();
        }

        assertThat(written.get()).isGreaterThan(6);
        Map<String, VpcEndpointState> fromStore = foldedFromTheStore();
        Map<String, VpcEndpointState> fromView = new LinkedHashMap<>();
        transactions.inTransaction(c -> {
            for (String id : fromStore.keySet()) {
                fromView.put(id, VpcEndpointRow.find(id).map(VpcEndpointRow::endpoint).orElse(null));
            }
            return null;
        });
        assertThat(fromView).isEqualTo(fromStore);
        assertThat(rowsInTheView()).isEqualTo(fromStore.size());
    }

    @Test
    void rebuilding_every_read_model_gives_the_same_answers() {
        String consumer = newAccount();
        String loadBalancer = others.loadBalancer(PROVIDER, others.vpcWithSubnet(PROVIDER, "us-east-1b"));
        String service = others.availableService(PROVIDER, false, List.of(loadBalancer), rootArn(consumer));
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        await().atMost(ASYNC).untilAsserted(() -> // the network view has the load balancer: its zone is shown
                services(consumer, service).statusCode(200).body("[0].availabilityZones", contains("us-east-1b")));
        String id = create(consumer, body(service, network.vpcId(), List.of(network.subnetId())))
                .statusCode(201).extract().path("vpcEndpointId");
        String eni = IdFormat.NETWORK_INTERFACE.newId();
        others.accept(PROVIDER, service, id, network);
        others.publishDns(PROVIDER, service, id, network, eni, List.of(new DnsEntry("x.example", "Z1")));
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).body("state", equalTo("available")));

        String deleted = others.availableService(PROVIDER, false, rootArn(consumer));
        others.deleteService(PROVIDER, deleted);
        await().atMost(ASYNC).untilAsserted(() -> // the catalog has applied the deletion
                services(consumer, deleted).statusCode(200).body("$", hasSize(0)));

        String endpoint = get(consumer, id).extract().asString();
        String endpoints = list(consumer).extract().asString();
        String catalog = services(consumer, null).extract().asString();

        given().post("/admin/consumers/vpc-endpoints/rebuild").then().statusCode(200).body("caughtUp", equalTo(true));
        for (String view : List.of("service-catalog", "network-view")) {
            // A replay of the whole topics may outlast the catch-up bound: then the answer is 503 and the view
            // goes on catching up.
            int status = given().post("/admin/consumers/" + view + "/rebuild").then().extract().statusCode();
            assertThat(status).isIn(200, 503);
        }

        assertThat(get(consumer, id).statusCode(200).extract().asString()).isEqualTo(endpoint);
        assertThat(list(consumer).extract().asString()).isEqualTo(endpoints);
        await().atMost(ASYNC).untilAsserted(() ->
                assertThat(services(consumer, null).statusCode(200).extract().asString()).isEqualTo(catalog));
        // and the rebuilt views still admit new endpoints
        var second = others.subnetIn(consumer, network.vpcId(), "us-east-1b");
        await().atMost(ASYNC).until(() -> create(consumer, body(service, network.vpcId(),
                List.of(second.subnetId()))).extract().statusCode() == 201);
    }

    @Test
    void the_reaction_subscription_cannot_be_rebuilt() {
        given().post("/admin/consumers/endpoint-lifecycle/rebuild").then().statusCode(400);
    }

    /** Every endpoint folded from its stream with the decider: what the view must hold. */
    private Map<String, VpcEndpointState> foldedFromTheStore() {
        VpcEndpointDecider decider = new VpcEndpointDecider();
        return transactions.inTransaction(c -> {
            Map<String, VpcEndpointState> folded = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "select distinct stream_id from events where stream_type = 'vpc-endpoint' order by stream_id");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    folded.put(rs.getString(1), deciders.load(c, rs.getString(1), decider).state());
                }
            }
            assertThat(folded.values()).allMatch(VpcEndpoint.class::isInstance);
            return folded;
        });
    }

    private long rowsInTheView() {
        return transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("select count(*) from vpc_endpoints");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
