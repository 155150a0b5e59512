package dev.privet.provider.api;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.eventstore.Transactions;
import dev.privet.provider.domain.EndpointService;
import dev.privet.provider.domain.EndpointServiceDecider;
import dev.privet.provider.domain.EndpointServiceState;
import dev.privet.provider.domain.ServiceState;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.privet.provider.api.ProviderApi.OTHER;
import static dev.privet.provider.api.ProviderApi.OWNER;
import static dev.privet.provider.api.ProviderApi.SERVICES;
import static dev.privet.provider.api.ProviderApi.WAIT;
import static dev.privet.provider.api.ProviderApi.allow;
import static dev.privet.provider.api.ProviderApi.available;
import static dev.privet.provider.api.ProviderApi.createService;
import static dev.privet.provider.api.ProviderApi.delete;
import static dev.privet.provider.api.ProviderApi.get;
import static dev.privet.provider.api.ProviderApi.modifyPermissions;
import static dev.privet.provider.api.ProviderApi.withLoadBalancer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * The inline read model dropped and rebuilt from the event store comes out equal to the store, also while writes go
 * on (creates, permission changes, deletions): the rebuild holds the append lock, so a write waits for it and is then
 * projected on the rebuilt model.
 */
@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReadModelRebuildTest {
    private static final String REBUILD = "/admin/consumers/endpoint-services/rebuild";
    private static final EndpointServiceDecider DECIDER = new EndpointServiceDecider();

    @Inject
    Transactions transactions;

    @Inject
    DeciderRunner deciders;

    @TestHTTPResource("/")
    URI root;

    @Test
    void the_rebuilt_model_answers_the_same() throws Exception {
        String id = withConnection();
        String deleted = withRejectedConnection();
        delete(OWNER, deleted).statusCode(204);
        String path = SERVICES + "/" + id;
        String service = get(OWNER, path).statusCode(200).extract().asString();
        String permissions = get(OWNER, path + "/permissions").statusCode(200).extract().asString();
        String connections = get(OWNER, path + "/connections").statusCode(200).extract().asString();
        String list = get(OWNER, SERVICES).statusCode(200).extract().asString();

        given().post(REBUILD).then().statusCode(200).body("caughtUp", equalTo(true));

        assertThat(get(OWNER, path).statusCode(200).extract().asString()).isEqualTo(service);
        assertThat(get(OWNER, path + "/permissions").statusCode(200).extract().asString()).isEqualTo(permissions);
        assertThat(get(OWNER, path + "/connections").statusCode(200).extract().asString()).isEqualTo(connections);
        assertThat(get(OWNER, SERVICES).statusCode(200).extract().asString()).isEqualTo(list);
        get(OWNER, SERVICES + "/" + deleted).statusCode(404);
        get(OWNER, SERVICES + "/" + deleted + "/connections").statusCode(404);
    }

    @Test
    void a_rebuild_while_writes_go_on_comes_out_equal_to_the_store() throws Exception {
        withConnection();
        JsonHttp http = new JsonHttp(root);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger writes = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                while (!stop.get()) {
                    String id = http.send(OWNER, "POST", SERVICES, withLoadBalancer(), 201).get("serviceId").asText();
                    http.send(OWNER, "POST", SERVICES + "/" + id + "/permissions",
                            Map.of("addAllowedPrincipals", List.of("*", "arn:aws:iam::" + OTHER + ":root"),
                                    "removeAllowedPrincipals", List.of("*")), 200);
                    if (writes.incrementAndGet() % 2 == 0) {
                        http.send(OWNER, "DELETE", SERVICES + "/" + id, null, 204);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            await().atMost(WAIT).until(() -> writes.get() >= 3);
            given().post(REBUILD).then().statusCode(200).body("rebuilt", equalTo(true));
            int afterRebuild = writes.get();
            await().atMost(WAIT).until(() -> writes.get() >= afterRebuild + 3);
        } finally {
            stop.set(true);
            writer.get(1, TimeUnit.MINUTES); // and any write that failed fails the test
        }

        assertThat(transactions.inTransaction(this::modelInTables))
                .isEqualTo(transactions.inTransaction(this::modelFoldedFromStore))
                .hasSizeGreaterThan(3 * 3);
    }

    /** An Available service with an allowed consumer and an accepted connection; returns its id. */
    private static String withConnection() throws Exception {
        String id = available(false);
        allow(id, OTHER);
        ForeignEvents.publish(new VpcEndpointRequested(IdFormat.VPC_ENDPOINT.newId(), OTHER, "Interface", id,
                "com.amazonaws.vpce.us-east-1." + id, IdFormat.VPC.newId(), List.of(IdFormat.SUBNET.newId()),
                "pending", "arn:aws:iam::" + OTHER + ":root", List.of()), OTHER);
        await().atMost(WAIT).untilAsserted(() -> get(OWNER, SERVICES + "/" + id + "/connections")
                .statusCode(200).body("vpcEndpointState", contains("available")));
        modifyPermissions(OWNER, id, Map.of("addAllowedPrincipals", List.of("*"))).statusCode(200);
        return id;
    }

    /** A Pending service whose one connection was rejected (it is not Available); returns its id. */
    private static String withRejectedConnection() {
        String id = createService(withLoadBalancer());
        ForeignEvents.publish(new VpcEndpointRequested(IdFormat.VPC_ENDPOINT.newId(), OTHER, "Interface", id,
                "com.amazonaws.vpce.us-east-1." + id, IdFormat.VPC.newId(), List.of(IdFormat.SUBNET.newId()),
                "pending", "arn:aws:iam::" + OTHER + ":root", List.of()), OTHER);
        await().atMost(WAIT).untilAsserted(() -> get(OWNER, SERVICES + "/" + id + "/connections")
                .statusCode(200).body("vpcEndpointState", contains("rejected")));
        return id;
    }

    /** Every row of the read model's tables, one line each. */
    private TreeSet<String> modelInTables(Connection c) throws SQLException {
        TreeSet<String> rows = new TreeSet<>();
        rows.addAll(lines(c, """
                select 'service|' || service_id || '|' || service_name || '|' || owner_id || '|' || service_state
                       || '|' || coalesce(failure_reason, '') || '|' || acceptance_required
                       || '|' || array_to_string(network_load_balancer_arns, ',')
                  from endpoint_services"""));
        rows.addAll(lines(c, "select 'principal|' || service_id || '|' || principal from allowed_principals"));
        rows.addAll(lines(c, """
                select 'connection|' || service_id || '|' || vpc_endpoint_id || '|' || vpc_endpoint_owner
                       || '|' || vpc_endpoint_state
                  from endpoint_connections"""));
        return rows;
    }

    /** The same lines, from every stream of the store folded with the decider. */
    private TreeSet<String> modelFoldedFromStore(Connection c) throws SQLException {
        TreeSet<String> rows = new TreeSet<>();
        for (String streamId : lines(c, "select distinct stream_id from events where stream_type = 'endpoint-service'")) {
            EndpointServiceState state = deciders.load(c, streamId, DECIDER).state();
            if (!(state instanceof EndpointService s)) {
                throw new AssertionError("stream " + streamId + " holds no service: " + state);
            }
            if (s.state() == ServiceState.Deleted) {
                continue; // a deleted service has no rows
            }
            rows.add(String.join("|", "service", s.serviceId(), s.serviceName(), s.ownerId(), s.state().name(),
                    s.failureReason() == null ? "" : s.failureReason(), String.valueOf(s.acceptanceRequired()),
                    String.join(",", s.networkLoadBalancerArns())));
            s.allowedPrincipals().forEach(p -> rows.add(String.join("|", "principal", s.serviceId(), p)));
            s.connections().values().forEach(e -> rows.add(String.join("|", "connection", s.serviceId(),
                    e.vpcEndpointId(), e.endpointOwnerId(), e.state().wireName())));
        }
        return rows;
    }

    private static List<String> lines(Connection c, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }
}
