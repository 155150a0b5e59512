package dev.privet.network.api;

import dev.privet.contracts.events.NetworkEvent.EndpointNetworkProvisioned;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.NetworkEvent.SubnetCreated;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.contracts.events.Values.LoadBalancerAttributes;
import dev.privet.contracts.events.Values.VpcAttributes;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.Topic;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.ids.LoadBalancerArn;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.eventstore.Transactions;
import dev.privet.contracts.events.Values.Route;
import dev.privet.network.domain.LoadBalancer;
import dev.privet.network.domain.RouteTable;
import dev.privet.network.domain.SecurityGroup;
import dev.privet.network.domain.Subnet;
import dev.privet.network.domain.SubnetState;
import dev.privet.network.domain.TargetGroup;
import dev.privet.network.domain.Vpc;
import dev.privet.network.projection.NetworkView;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.privet.network.api.SecurityGroupApiTest.defaultGroupOf;
import static dev.privet.network.api.NetworkApi.ASYNC;
import static dev.privet.network.api.NetworkApi.as;
import static dev.privet.network.api.NetworkApi.createLoadBalancer;
import static dev.privet.network.api.NetworkApi.createSubnet;
import static dev.privet.network.api.NetworkApi.createVpc;
import static dev.privet.network.api.NetworkApi.listed;
import static dev.privet.network.api.NetworkApi.newAccount;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The inline read model dropped and rebuilt from the event store comes out equal to the store, also while writes go
 * on: the rebuild holds the append lock, so a write waits for it and is then projected on the rebuilt model.
 */
@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReadModelRebuildTest {
    static final String REBUILD = "/admin/consumers/" + NetworkView.NAME + "/rebuild";

    @Inject
    Transactions transactions;
    @Inject
    DeciderRunner deciders;
    @Inject
    StoredEvents store;

    @Test
    void a_rebuilt_read_model_answers_as_the_live_one() {
        String account = newAccount();
        String vpc = createVpc(account, "10.5.0.0/16");
        as(account).body(Map.of("enableDnsHostnames", true)).patch("/v1/vpcs/" + vpc + "/attributes").then()
                .statusCode(200);
        String subnetA = createSubnet(account, vpc, "10.5.1.0/24", "us-east-1c");
        String subnetB = createSubnet(account, vpc, "10.5.2.0/24", "us-east-1d");
        String lb = createLoadBalancer(account, "rebuilt", "network", subnetA);
        as(account).body(Map.of("attributes", List.of(Map.of("key", "load_balancing.cross_zone.enabled",
                "value", "true")))).post("/v1/load-balancers/rebuilt/attributes").then().statusCode(200);
        String endpoint = IdFormat.VPC_ENDPOINT.newId();
        KafkaEvents.accept(new EndpointConnectionAccepted(IdFormat.ENDPOINT_SERVICE.newId(), endpoint, account, vpc,
                List.of(subnetA, subnetB), List.of()), account, defaultGroupOf(account, vpc));
        String eni = KafkaEvents.await(Topic.NETWORK, EndpointNetworkProvisioned.class,
                e -> e.vpcEndpointId().equals(endpoint)).networkInterfaces().getFirst().networkInterfaceId();
        String table = as(account).body(Map.of("vpcId", vpc)).post("/v1/route-tables").then().statusCode(201)
                .extract().path("routeTableId");
        as(account).body(Map.of("destinationCidrBlock", "0.0.0.0/0", "networkInterfaceId", eni))
                .post("/v1/route-tables/" + table + "/routes").then().statusCode(201);
        as(account).body(Map.of("destinationCidrBlock", "192.168.0.0/16", "networkInterfaceId", eni))
                .post("/v1/route-tables/" + table + "/routes").then().statusCode(201);
        as(account).delete("/v1/route-tables/" + table + "/routes?destinationCidrBlock=0.0.0.0/0").then()
                .statusCode(204);
        as(account).body(Map.of("subnetId", subnetB)).post("/v1/route-tables/" + table + "/associations").then()
                .statusCode(201);
        Map<String, Object> tags = Map.of("resourceIds", List.of(vpc, subnetA, table,
                        LoadBalancerArn.listenerArn(lb, 443)), "tags",
                List.of(Map.of("key", "team", "value", "blue")));
        as(account).body(tags).post("/v1/tags").then().statusCode(204);
        as(account).body(Map.of("resourceIds", List.of(vpc))).post("/v1/tags/removals").then().statusCode(204);
        as(account).body(tags).post("/v1/tags").then().statusCode(204); // a set emptied and filled in one replay
        String group = SecurityGroupApiTest.createGroup(account, vpc, "rebuilt");
        String gone = SecurityGroupApiTest.createGroup(account, vpc, "gone");
        as(account).body(SecurityGroupApiTest.rules(SecurityGroupApiTest.tcp(22, "10.0.0.0/8"),
                SecurityGroupApiTest.tcp(443, "0.0.0.0/0"))).post("/v1/security-groups/" + group + "/ingress")
                .then().statusCode(200);
        as(account).body(SecurityGroupApiTest.rules(SecurityGroupApiTest.tcp(22, "10.0.0.0/8")))
                .post("/v1/security-groups/" + group + "/ingress/revocations").then().statusCode(200);
        as(account).delete("/v1/security-groups/" + gone).then().statusCode(204);
        List<String> paths = List.of("/v1/vpcs", "/v1/subnets", "/v1/load-balancers", "/v1/network-interfaces",
                "/v1/vpcs/" + vpc, "/v1/subnets/" + subnetA, "/v1/load-balancers/rebuilt", "/v1/tags",
                "/v1/route-tables", "/v1/route-tables/" + table, "/v1/security-groups", "/v1/security-groups/" + group,
                "/v1/load-balancers/rebuilt/attributes");
        List<String> live = paths.stream().map(p -> as(account).get(p).then().statusCode(200).extract().asString())
                .toList();
        assertThat(live.get(3)).contains(endpoint);
        assertThat(live.get(9)).contains("192.168.0.0/16", subnetB, "team").doesNotContain("0.0.0.0/0");
        assertThat(live.get(7)).contains(LoadBalancerArn.listenerArn(lb, 443));
        assertThat(live.get(12)).contains("load_balancing.cross_zone.enabled\",\"value\":\"true");

        given().post(REBUILD).then().statusCode(200).body("rebuilt", equalTo(true)).body("caughtUp", equalTo(true));

        assertThat(paths.stream().map(p -> as(account).get(p).then().statusCode(200).extract().asString()).toList())
                .isEqualTo(live);
        given().get("/admin/consumers").then().statusCode(200).body("name", hasItem(NetworkView.NAME))
                .body("find { it.name == 'network-view' }.source", equalTo("event-store"));
    }

    @Test
    void a_rebuild_while_vpcs_are_created_comes_out_equal_to_the_store() throws Exception {
        String account = newAccount();
        AtomicBoolean stop = new AtomicBoolean();
        List<String> created = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            while (!stop.get()) {
                String vpc = createVpc(account, "10.60.0.0/16");
                as(account).get("/v1/vpcs/" + vpc).then().statusCode(200); // read back even while rebuilt
                createSubnet(account, vpc, "10.60.1.0/24", "us-east-1a");
                created.add(vpc);
            }
        });
        try {
            for (int i = 0; i < 3; i++) {
                int before = created.size();
                await().atMost(ASYNC).until(() -> created.size() >= before + 3 || writer.isDone());
                given().post(REBUILD).then().statusCode(200).body("rebuilt", equalTo(true));
            }
        } finally {
            stop.set(true);
            writer.get(1, TimeUnit.MINUTES); // and any write that failed fails the test
        }

        assertThat(created).hasSizeGreaterThanOrEqualTo(9);
        assertThat(listed(account, "/v1/vpcs", "vpcId")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(created)
                .containsExactlyInAnyOrderElementsOf(store.ids("VpcCreated", "vpcId", account));
        assertThat(listed(account, "/v1/subnets", "vpcId")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(created);
        assertThat(listed(account, "/v1/subnets", "subnetId"))
                .containsExactlyInAnyOrderElementsOf(store.ids("SubnetCreated", "subnetId", account));
        assertThat(transactions.inTransaction(this::modelInTables))
                .isEqualTo(transactions.inTransaction(this::modelFoldedFromStore));
    }

    /** Every row of the read model's tables, one line each. */
    private TreeSet<String> modelInTables(Connection c) throws SQLException {
        TreeSet<String> rows = new TreeSet<>();
        rows.addAll(lines(c, """
                select concat_ws('|', 'vpc', vpc_id, owner_id, cidr_block, region,
                                 attributes->>'enableDnsSupport', attributes->>'enableDnsHostnames',
                                 attributes->>'enableNetworkAddressUsageMetrics') from vpcs"""));
        rows.addAll(lines(c, """
                select concat_ws('|', 'subnet', subnet_id, vpc_id, owner_id, cidr_block, availability_zone,
                                 available_addresses) from subnets"""));
        rows.addAll(lines(c, """
                select concat_ws('|', 'interface', network_interface_id, subnet_id, private_ip_address)
                  from network_interfaces"""));
        rows.addAll(lines(c, """
                select concat_ws('|', 'load-balancer', load_balancer_arn, name, owner_id, type, vpc_id,
                                 attributes->>'deletionProtection', attributes->>'crossZone',
                                 attributes->>'clientRoutingPolicy', attributes->>'zonalShift')
                  from load_balancers"""));
        rows.addAll(lines(c, """
                select concat_ws('|', 'listener', load_balancer_arn, l->>'port', l->>'protocol', l->>'targetGroupArn')
                  from load_balancers, jsonb_array_elements(listeners) l"""));
        rows.addAll(lines(c, """
                select concat_ws('|', 'target-group', target_group_arn, name, owner_id, protocol, port, vpc_id,
                                 target_type) from target_groups"""));
        rows.addAll(lines(c, """
                select concat_ws('|', 'target', target_group_arn, t->>'id', t->>'port')
                  from target_groups, jsonb_array_elements(targets) t"""));
        rows.addAll(lines(c, "select concat_ws('|', 'route-table', route_table_id, vpc_id, owner_id, main) from route_tables"));
        rows.addAll(lines(c, """
                select concat_ws('|', 'route', route_table_id, r.ordinality, r.value->>'destinationCidrBlock',
                                 r.value->>'destinationPrefixListId', r.value->>'gatewayId',
                                 r.value->>'networkInterfaceId', r.value->>'origin')
                  from route_tables, jsonb_array_elements(routes) with ordinality r"""));
        rows.addAll(lines(c, """
                select concat_ws('|', 'association', route_table_id, a->>'associationId', a->>'subnetId')
                  from route_tables, jsonb_array_elements(associations) a"""));
        rows.addAll(lines(c, """
                select concat_ws('|', 'security-group', group_id, group_name, description, vpc_id, owner_id,
                                 is_default::text)
                  from security_groups"""));
        rows.addAll(lines(c, """
                select concat_ws('|', 'rule', group_id, r->>'securityGroupRuleId', r->>'egress', r->>'ipProtocol',
                                 r->>'fromPort', r->>'toPort', r->>'cidrIpv4', r->>'referencedGroupId')
                  from security_groups, jsonb_array_elements(rules) r"""));
        return rows;
    }

    /** Like SQL's concat_ws: the non-null parts joined by '|'. */
    private static String line(Object... parts) {
        return java.util.Arrays.stream(parts).filter(java.util.Objects::nonNull).map(String::valueOf)
                .collect(java.util.stream.Collectors.joining("|"));
    }

    /** The same lines, from every VPC, subnet, load balancer, target group and route table stream of the store. */
    private TreeSet<String> modelFoldedFromStore(Connection c) throws SQLException {
        TreeSet<String> rows = new TreeSet<>();
        for (String id : streams(c, "vpc")) {
            if (!(deciders.load(c, id, Vpc.DECIDER).state() instanceof Vpc.Created created)) {
                continue; // deleted: no row
            }
            VpcCreated v = created.vpc();
            VpcAttributes a = created.attributes();
            rows.add(line("vpc", v.vpcId(), v.ownerId(), v.cidrBlock(), v.region(), a.enableDnsSupport(),
                    a.enableDnsHostnames(), a.enableNetworkAddressUsageMetrics()));
        }
        for (String id : streams(c, "subnet")) {
            if (!(deciders.load(c, id, SubnetState.DECIDER).state() instanceof Subnet subnet)) {
                continue; // deleted: no row
            }
            SubnetCreated s = subnet.created();
            rows.add(String.join("|", "subnet", s.subnetId(), s.vpcId(), s.ownerId(), s.cidrBlock(),
                    s.availabilityZone(), String.valueOf(subnet.availableAddressCount())));
            subnet.addressesByInterface().forEach((eni, address) ->
                    rows.add(String.join("|", "interface", eni, s.subnetId(), address)));
        }
        for (String id : streams(c, "load-balancer")) {
            if (!(deciders.load(c, id, LoadBalancer.DECIDER).state() instanceof LoadBalancer.Created state)) {
                continue; // deleted: no row
            }
            LoadBalancerCreated lb = state.loadBalancer();
            LoadBalancerAttributes a = state.attributes();
            rows.add(line("load-balancer", lb.loadBalancerArn(), lb.name(), lb.ownerId(), lb.type(), lb.vpcId(),
                    a.deletionProtection(), a.crossZone(), a.clientRoutingPolicy(), a.zonalShift()));
            state.listeners().forEach(l -> rows.add(line("listener", lb.loadBalancerArn(), l.port(), l.protocol(),
                    l.targetGroupArn())));
        }
        for (String id : streams(c, "target-group")) {
            if (!(deciders.load(c, id, TargetGroup.DECIDER).state() instanceof TargetGroup.Created group)) {
                continue; // deleted: no row
            }
            var g = group.group();
            rows.add(line("target-group", g.targetGroupArn(), g.name(), g.ownerId(), g.protocol(), g.port(),
                    g.vpcId(), g.targetType()));
            group.targets().forEach(t -> rows.add(line("target", g.targetGroupArn(), t.id(), t.port())));
        }
        for (String id : streams(c, "route-table")) {
            if (!(deciders.load(c, id, RouteTable.DECIDER).state() instanceof RouteTable.Table table)) {
                continue; // deleted: no row
            }
            var t = table.table();
            rows.add(line("route-table", id, t.vpcId(), t.ownerId(), t.main() ? "t" : "f"));
            for (int i = 0; i < table.routes().size(); i++) {
                Route r = table.routes().get(i);
                rows.add(line("route", id, i + 1, r.destinationCidrBlock(), r.destinationPrefixListId(), r.gatewayId(),
                        r.networkInterfaceId(), r.origin()));
            }
            table.associations().forEach((association, subnet) -> rows.add(line("association", id, association,
                    subnet)));
        }
        for (String id : streams(c, "security-group")) {
            if (!(deciders.load(c, id, SecurityGroup.DECIDER).state() instanceof SecurityGroup.Group group)) {
                continue; // deleted: no row
            }
            var g = group.group();
            rows.add(line("security-group", g.groupId(), g.groupName(), g.description(), g.vpcId(), g.ownerId(),
                    g.isDefault()));
            group.rules().forEach(r -> rows.add(line("rule", g.groupId(), r.securityGroupRuleId(), r.egress(),
                    r.ipProtocol(), r.fromPort(), r.toPort(), r.cidrIpv4(), r.referencedGroupId())));
        }
        return rows;
    }

    private static List<String> streams(Connection c, String streamType) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select distinct stream_id from events where stream_type = ?")) {
            st.setString(1, streamType);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
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
