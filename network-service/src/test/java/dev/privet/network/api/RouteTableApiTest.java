package dev.privet.network.api;

import dev.privet.contracts.events.NetworkEvent.EndpointRouteTableDeleted;
import dev.privet.contracts.events.NetworkEvent.EndpointRoutesProvisioned;
import dev.privet.contracts.events.NetworkEvent.EndpointRoutesModified;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkFailed;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRouteTablesChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkProvisioned;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkReleased;
import dev.privet.contracts.events.NetworkEvent.RouteTableCreated;
import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.Topic;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.privet.network.api.SecurityGroupApiTest.defaultGroupOf;
import static dev.privet.network.api.NetworkApi.as;
import static dev.privet.network.api.NetworkApi.createSubnet;
import static dev.privet.network.api.NetworkApi.createVpc;
import static dev.privet.network.api.NetworkApi.listed;
import static dev.privet.network.api.NetworkApi.newAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/**
 * Route tables through the JSON API: a VPC's main table, tables made, given routes and subnets, and deleted, what
 * depends on what, and every bad request refused naming its field with nothing stored.
 */
@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayName("network-service route tables, on real Kafka and PostgreSQL")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RouteTableApiTest {
    static final String TABLES = "/v1/route-tables";

    @Inject
    StoredEvents store;

    static String createTable(String account, String vpc) {
        return as(account).body(Map.of("vpcId", vpc)).post(TABLES).then().statusCode(201)
                .extract().path("routeTableId");
    }

    static String mainTableOf(String account, String vpc) {
        List<String> main = as(account).get(TABLES).then().statusCode(200)
                .extract().path("findAll { it.vpcId == '" + vpc + "' && it.main }.routeTableId");
        assertThat(main).hasSize(1);
        return main.getFirst();
    }

    /** An endpoint with an interface in {@code subnet}, as network-service makes it on the provider's acceptance. */
    static EndpointNetworkProvisioned endpointIn(String account, String vpc, String subnet) {
        String endpoint = IdFormat.VPC_ENDPOINT.newId();
        KafkaEvents.accept(new EndpointConnectionAccepted(IdFormat.ENDPOINT_SERVICE.newId(), endpoint, account, vpc,
                List.of(subnet), List.of()), account, defaultGroupOf(account, vpc));
        return KafkaEvents.await(Topic.NETWORK, EndpointNetworkProvisioned.class,
                e -> e.vpcEndpointId().equals(endpoint));
    }

    static String interfaceOf(EndpointNetworkProvisioned endpoint) {
        return endpoint.networkInterfaces().getFirst().networkInterfaceId();
    }

    /** The endpoint's names are gone, so network-service deletes its interfaces. */
    static void release(EndpointNetworkProvisioned endpoint, String account) {
        KafkaEvents.publish(new EndpointDnsRemoved(endpoint.vpcEndpointId(), endpoint.serviceId()), 2, account);
        KafkaEvents.await(Topic.NETWORK, EndpointNetworkReleased.class,
                e -> e.vpcEndpointId().equals(endpoint.vpcEndpointId()));
    }

    static ValidatableResponse addRoute(String account, String table, Map<String, Object> route) {
        return as(account).body(route).post(TABLES + "/" + table + "/routes").then();
    }

    static ValidatableResponse associate(String account, String table, String subnet) {
        return as(account).body(Map.of("subnetId", subnet)).post(TABLES + "/" + table + "/associations").then();
    }

    static final String S3 = "com.amazonaws.us-east-1.s3";

    static VpcEndpointRequested gatewayEndpoint(String account, String vpc, List<String> routeTables) {
        return new VpcEndpointRequested(IdFormat.VPC_ENDPOINT.newId(), account, "Gateway",
                IdFormat.ENDPOINT_SERVICE.newId(), S3, vpc, List.of(), "pending", "arn:aws:iam::" + account + ":root",
                routeTables);
    }

    static List<String> gatewaysIn(String account, String table) {
        return as(account).get(TABLES + "/" + table).then().statusCode(200)
                .extract().path("routes.findAll { it.destinationPrefixListId != null }.gatewayId");
    }

    @Test
    void a_gateway_endpoint_routes_through_its_tables_moves_with_them_and_leaves_them_on_release() {
        String account = newAccount();
        String vpc = createVpc(account, "10.75.0.0/16");
        String main = mainTableOf(account, vpc);
        String other = createTable(account, vpc);
        var requested = gatewayEndpoint(account, vpc, List.of(main, other));
        String endpoint = requested.vpcEndpointId();

        KafkaEvents.publish(requested, 1, account);
        var routed = KafkaEvents.await(Topic.NETWORK, EndpointRoutesProvisioned.class,
                e -> e.vpcEndpointId().equals(endpoint));
        assertThat(routed.routeTableIds()).containsExactly(main, other);
        assertThat(routed.prefixListId()).startsWith("pl-");
        assertThat(gatewaysIn(account, main)).containsExactly(endpoint);
        assertThat(gatewaysIn(account, other)).containsExactly(endpoint);

        KafkaEvents.publish(new VpcEndpointRouteTablesChanged(endpoint, requested.serviceId(), account, vpc,
                List.of(other), List.of(), List.of(main)), 4, account);
        assertThat(KafkaEvents.await(Topic.NETWORK, EndpointRoutesModified.class,
                e -> e.vpcEndpointId().equals(endpoint)).routeTableIds()).containsExactly(other);
        assertThat(gatewaysIn(account, main)).isEmpty();

        // a second endpoint to S3 cannot route through a table that has a route to S3's list already
        var second = gatewayEndpoint(account, vpc, List.of(main, other));
        KafkaEvents.publish(second, 1, account);
        assertThat(KafkaEvents.await(Topic.NETWORK, EndpointNetworkFailed.class,
                e -> e.vpcEndpointId().equals(second.vpcEndpointId())).reason()).contains("already exists");
        assertThat(gatewaysIn(account, main)).isEmpty();

        KafkaEvents.publish(new EndpointDnsRemoved(endpoint, requested.serviceId()), 2, account);
        KafkaEvents.await(Topic.NETWORK, EndpointNetworkReleased.class, e -> e.vpcEndpointId().equals(endpoint));
        assertThat(gatewaysIn(account, other)).isEmpty();
    }

    @Test
    void a_deleted_table_takes_a_gateway_endpoint_s_route_and_the_endpoint_routes_through_the_others() {
        String account = newAccount();
        String vpc = createVpc(account, "10.77.0.0/16");
        String main = mainTableOf(account, vpc);
        String other = createTable(account, vpc);
        var requested = gatewayEndpoint(account, vpc, List.of(main, other));
        String endpoint = requested.vpcEndpointId();
        KafkaEvents.publish(requested, 1, account);
        KafkaEvents.await(Topic.NETWORK, EndpointRoutesProvisioned.class, e -> e.vpcEndpointId().equals(endpoint));

        as(account).delete(TABLES + "/" + other).then().statusCode(204);

        var lost = KafkaEvents.await(Topic.NETWORK, EndpointRouteTableDeleted.class,
                e -> e.vpcEndpointId().equals(endpoint));
        assertThat(lost.routeTableId()).isEqualTo(other);
        assertThat(lost.serviceId()).isEqualTo(requested.serviceId());
        assertThat(gatewaysIn(account, main)).containsExactly(endpoint);

        KafkaEvents.publish(new EndpointDnsRemoved(endpoint, requested.serviceId()), 2, account);
        assertThat(KafkaEvents.await(Topic.NETWORK, EndpointNetworkReleased.class,
                e -> e.vpcEndpointId().equals(endpoint))).isNotNull();
        assertThat(gatewaysIn(account, main)).isEmpty();
    }

    @Test
    void a_gateway_endpoint_on_the_main_table_keeps_its_vpc_until_it_is_released() {
        String account = newAccount();
        String vpc = createVpc(account, "10.76.0.0/16");
        var requested = gatewayEndpoint(account, vpc, List.of(mainTableOf(account, vpc)));
        KafkaEvents.publish(requested, 1, account);
        KafkaEvents.await(Topic.NETWORK, EndpointRoutesProvisioned.class,
                e -> e.vpcEndpointId().equals(requested.vpcEndpointId()));

        as(account).delete("/v1/vpcs/" + vpc).then().statusCode(400).body("code", equalTo("DependencyViolation"))
                .body("detail", containsString(requested.vpcEndpointId()));

        KafkaEvents.publish(new EndpointDnsRemoved(requested.vpcEndpointId(), requested.serviceId()), 2, account);
        KafkaEvents.await(Topic.NETWORK, EndpointNetworkReleased.class,
                e -> e.vpcEndpointId().equals(requested.vpcEndpointId()));
        as(account).delete("/v1/vpcs/" + vpc).then().statusCode(204);
    }

    @Test
    void a_vpc_comes_with_its_main_table_which_goes_with_the_vpc_only() {
        String account = newAccount();
        String vpc = createVpc(account, "10.70.0.0/16");
        String main = mainTableOf(account, vpc);

        as(account).get(TABLES + "/" + main).then().statusCode(200)
                .body("vpcId", equalTo(vpc)).body("ownerId", equalTo(account)).body("main", equalTo(true))
                .body("routes", hasSize(1))
                .body("routes[0].destinationCidrBlock", equalTo("10.70.0.0/16"))
                .body("routes[0].gatewayId", equalTo("local"))
                .body("routes[0].origin", equalTo("CreateRouteTable"))
                .body("routes[0].state", equalTo("active"))
                .body("associations", hasSize(1))
                .body("associations[0].associationId", matchesPattern("rtbassoc-[0-9a-f]{17}"))
                .body("associations[0].main", equalTo(true))
                .body("associations[0].subnetId", nullValue());
        assertThat(KafkaEvents.await(Topic.NETWORK, RouteTableCreated.class, e -> e.routeTableId().equals(main)))
                .isEqualTo(new RouteTableCreated(main, vpc, account, "10.70.0.0/16", true));

        as(account).delete(TABLES + "/" + main).then().statusCode(400).body("code", equalTo("DependencyViolation"))
                .body("field", equalTo("routeTableId"));
        as(account).delete("/v1/vpcs/" + vpc).then().statusCode(204);

        as(account).get(TABLES + "/" + main).then().statusCode(404)
                .body("code", equalTo("InvalidRouteTableID.NotFound"));
        assertThat(listed(account, TABLES, "routeTableId")).isEmpty();
        assertThat(store.ids("RouteTableDeleted", "routeTableId", account)).containsExactly(main);
    }

    @Test
    void a_table_is_made_with_tags_seen_by_its_owner_alone_and_holds_its_vpc_until_deleted() {
        String account = newAccount();
        String vpc = createVpc(account, "10.71.0.0/16");
        String table = as(account, "rtb-key-1").body(Map.of("vpcId", vpc, "tags",
                        List.of(Map.of("key", "Name", "value", "private")))).post(TABLES)
                .then().statusCode(201).body("main", equalTo(false)).body("vpcId", equalTo(vpc))
                .body("routes.gatewayId", contains("local")).body("associations", hasSize(0))
                .body("tags[0].key", equalTo("Name")).extract().path("routeTableId");
        as(account, "rtb-key-1").body(Map.of("vpcId", vpc, "tags", List.of(Map.of("key", "Name", "value", "private"))))
                .post(TABLES).then().statusCode(201).body("routeTableId", equalTo(table)); // a retry: the same table

        assertThat(listed(account, TABLES, "routeTableId")).containsExactlyInAnyOrder(table, mainTableOf(account, vpc))
                .isSorted();
        as(NetworkApi.OTHER).get(TABLES + "/" + table).then().statusCode(404)
                .body("code", equalTo("InvalidRouteTableID.NotFound")).body("field", equalTo("routeTableId"));
        as(NetworkApi.OTHER).delete(TABLES + "/" + table).then().statusCode(404);
        as(account).body(Map.of("resourceIds", List.of(table), "tags", List.of(Map.of("key", "team", "value", "blue"))))
                .post("/v1/tags").then().statusCode(204);
        as(account).get(TABLES + "/" + table).then().body("tags.key", contains("Name", "team"));

        as(account).delete("/v1/vpcs/" + vpc).then().statusCode(400).body("code", equalTo("DependencyViolation"))
                .body("detail", containsString(table));
        as(account).delete(TABLES + "/" + table).then().statusCode(204);
        as(account).get(TABLES + "/" + table).then().statusCode(404);
        as(account).delete(TABLES + "/" + table).then().statusCode(404);
        as(account).get("/v1/tags").then().statusCode(200).body("resourceId", hasSize(0));
        as(account).delete("/v1/vpcs/" + vpc).then().statusCode(204);
        as(account).body(Map.of("vpcId", vpc)).post(TABLES).then().statusCode(400)
                .body("code", equalTo("InvalidVpcID.NotFound"));
    }

    @Test
    void routes_go_through_an_interface_of_the_vpc_to_a_block_or_a_prefix_list_and_are_blackholes_once_it_is_gone() {
        String account = newAccount();
        String vpc = createVpc(account, "10.72.0.0/16");
        String subnet = createSubnet(account, vpc, "10.72.1.0/24", "us-east-1a");
        EndpointNetworkProvisioned endpoint = endpointIn(account, vpc, subnet);
        String eni = interfaceOf(endpoint);
        String table = createTable(account, vpc);
        String s3 = as(account).get("/v1/prefix-lists").then().statusCode(200)
                .body("prefixListName", contains("com.amazonaws.us-east-1.dynamodb", "com.amazonaws.us-east-1.s3"))
                .body("cidrs", contains(List.of("198.18.1.0/24"), List.of("198.18.0.0/24")))
                .extract().path("find { it.prefixListName == 'com.amazonaws.us-east-1.s3' }.prefixListId");

        addRoute(account, table, Map.of("destinationCidrBlock", "0.0.0.0/0", "networkInterfaceId", eni))
                .statusCode(201).body("destinationCidrBlock", equalTo("0.0.0.0/0"))
                .body("networkInterfaceId", equalTo(eni)).body("origin", equalTo("CreateRoute"))
                .body("state", equalTo("active"));
        addRoute(account, table, Map.of("destinationPrefixListId", s3, "networkInterfaceId", eni)).statusCode(201);
        addRoute(account, table, Map.of("destinationPrefixListId", s3, "networkInterfaceId", eni)).statusCode(400)
                .body("code", equalTo("RouteAlreadyExists")).body("field", equalTo("destinationPrefixListId"));
        addRoute(account, table, Map.of("destinationCidrBlock", "10.72.0.0/16", "networkInterfaceId", eni))
                .statusCode(400).body("code", equalTo("RouteAlreadyExists"));
        as(account).get(TABLES + "/" + table).then().statusCode(200)
                .body("routes.destinationCidrBlock", contains("10.72.0.0/16", "0.0.0.0/0", null))
                .body("routes.destinationPrefixListId", contains(null, null, s3))
                .body("routes.state", contains("active", "active", "active"));

        String otherVpc = createVpc(account, "10.73.0.0/16");
        String elsewhere = interfaceOf(endpointIn(account, otherVpc,
                createSubnet(account, otherVpc, "10.73.1.0/24", "us-east-1a")));
        addRoute(account, table, Map.of("destinationCidrBlock", "192.168.0.0/16", "networkInterfaceId", elsewhere))
                .statusCode(400).body("code", equalTo("InvalidParameterValue"))
                .body("field", equalTo("networkInterfaceId")).body("detail", containsString("different networks"));
        addRoute(NetworkApi.OTHER, table, Map.of("destinationCidrBlock", "192.168.0.0/16", "networkInterfaceId", eni))
                .statusCode(404).body("code", equalTo("InvalidRouteTableID.NotFound"));

        as(account).delete(TABLES + "/" + table + "/routes?destinationCidrBlock=0.0.0.0/0").then().statusCode(204);
        as(account).delete(TABLES + "/" + table + "/routes?destinationCidrBlock=0.0.0.0/0").then().statusCode(400)
                .body("code", equalTo("InvalidRoute.NotFound")).body("field", equalTo("destinationCidrBlock"));
        as(account).delete(TABLES + "/" + table + "/routes?destinationCidrBlock=10.72.0.0/16").then().statusCode(400)
                .body("code", equalTo("InvalidParameterValue")).body("detail", containsString("local route"));

        release(endpoint, account);
        as(account).get(TABLES + "/" + table).then().statusCode(200)
                .body("routes.destinationPrefixListId", contains(null, s3))
                .body("routes.state", contains("active", "blackhole"));
    }

    @Test
    void a_subnet_has_one_association_across_its_vpcs_tables_which_goes_with_the_subnet() {
        String account = newAccount();
        String vpc = createVpc(account, "10.74.0.0/16");
        String subnetA = createSubnet(account, vpc, "10.74.1.0/24", "us-east-1a");
        String subnetB = createSubnet(account, vpc, "10.74.2.0/24", "us-east-1b");
        String first = createTable(account, vpc);
        String second = createTable(account, vpc);
        String main = mainTableOf(account, vpc);

        String association = associate(account, first, subnetA).statusCode(201)
                .body("routeTableId", equalTo(first)).body("subnetId", equalTo(subnetA)).body("main", equalTo(false))
                .extract().path("associationId");
        assertThat(association).matches("rtbassoc-[0-9a-f]{17}");
        for (String table : List.of(first, second, main)) {
            associate(account, table, subnetA).statusCode(400).body("code", equalTo("Resource.AlreadyAssociated"))
                    .body("field", equalTo("subnetId"));
        }
        associate(account, main, subnetB).statusCode(201); // a subnet may be associated with its main table too
        as(account).get(TABLES + "/" + first).then().body("associations.associationId", contains(association))
                .body("associations.subnetId", contains(subnetA));
        as(account).get(TABLES + "/" + main).then().body("associations.subnetId", contains(null, subnetB))
                .body("associations.main", contains(true, false));
        as(account).delete(TABLES + "/" + first).then().statusCode(400).body("code", equalTo("DependencyViolation"))
                .body("detail", containsString(subnetA));

        String mainAssociation = as(account).get(TABLES + "/" + main).then().extract().path("associations[0].associationId");
        as(account).delete("/v1/route-table-associations/" + mainAssociation).then().statusCode(400)
                .body("code", equalTo("InvalidParameterValue")).body("field", equalTo("associationId"));
        as(NetworkApi.OTHER).delete("/v1/route-table-associations/" + association).then().statusCode(404)
                .body("code", equalTo("InvalidAssociationID.NotFound")).body("field", equalTo("associationId"));
        as(account).delete("/v1/route-table-associations/" + association).then().statusCode(204);
        as(account).delete("/v1/route-table-associations/" + association).then().statusCode(404);
        String again = associate(account, second, subnetA).statusCode(201).extract().path("associationId");
        assertThat(again).isNotEqualTo(association);
        as(account).delete(TABLES + "/" + first).then().statusCode(204);

        String otherVpc = createVpc(account, "10.75.0.0/16");
        String outside = createSubnet(account, otherVpc, "10.75.1.0/24", "us-east-1a");
        associate(account, second, outside).statusCode(400).body("code", equalTo("InvalidParameterValue"))
                .body("field", equalTo("subnetId")).body("detail", containsString("different networks"));
        associate(NetworkApi.OTHER, second, subnetB).statusCode(404);

        as(account).delete("/v1/subnets/" + subnetA).then().statusCode(204);
        as(account).delete("/v1/subnets/" + subnetB).then().statusCode(204);
        as(account).get(TABLES + "/" + second).then().body("associations", hasSize(0));
        as(account).get(TABLES + "/" + main).then().body("associations.main", contains(true));
        as(account).delete(TABLES + "/" + second).then().statusCode(204);
    }

    @Test
    void every_bad_request_is_refused_naming_its_field_and_stores_nothing() {
        String account = newAccount();
        String vpc = createVpc(account, "10.76.0.0/16");
        String table = createTable(account, vpc);
        String routes = TABLES + "/" + table + "/routes";
        String eni = IdFormat.NETWORK_INTERFACE.newId();
        long before = store.appendedBy(account);
        record Case(String path, Map<String, Object> body, int status, String field, String code) {
        }
        List<Case> cases = List.of(
                new Case(TABLES, Map.of(), 400, "vpcId", "MissingParameter"),
                new Case(TABLES, Map.of("vpcId", "vpc-1"), 400, "vpcId", "InvalidParameterValue"),
                new Case(TABLES, Map.of("vpcId", IdFormat.VPC.newId()), 400, "vpcId", "InvalidVpcID.NotFound"),
                new Case(TABLES, Map.of("vpcId", vpc, "tags", List.of(Map.of("key", "aws:x", "value", ""))), 400,
                        "tags[0].key", "InvalidParameterValue"),
                new Case(routes, Map.of("networkInterfaceId", eni), 400, "destinationCidrBlock", "MissingParameter"),
                new Case(routes, route("10.0.0.1/16", eni), 400, "destinationCidrBlock", "InvalidParameterValue"),
                new Case(routes, route("1".repeat(2 * 1024 * 1024), eni), 400, "destinationCidrBlock",
                        "InvalidParameterValue"),
                new Case(routes, Map.of("destinationCidrBlock", "10.9.0.0/16", "destinationPrefixListId",
                        "pl-0123456789abcdef0", "networkInterfaceId", eni), 400, "destinationPrefixListId",
                        "InvalidParameterValue"),
                new Case(routes, Map.of("destinationIpv6CidrBlock", "::/0", "networkInterfaceId", eni), 400,
                        "destinationIpv6CidrBlock", "InvalidParameterValue"),
                new Case(routes, Map.of("destinationPrefixListId", "pl-1", "networkInterfaceId", eni), 400,
                        "destinationPrefixListId", "InvalidParameterValue"),
                new Case(routes, Map.of("destinationPrefixListId", "pl-0123456789abcdef0", "networkInterfaceId", eni),
                        400, "destinationPrefixListId", "InvalidPrefixListID.NotFound"),
                new Case(routes, Map.of("destinationCidrBlock", "10.9.0.0/16"), 400, "networkInterfaceId",
                        "MissingParameter"),
                new Case(routes, route("10.9.0.0/16", "eni-1"), 400, "networkInterfaceId", "InvalidParameterValue"),
                new Case(routes, route("10.9.0.0/16", eni), 400, "networkInterfaceId",
                        "InvalidNetworkInterfaceID.NotFound"),
                new Case(TABLES + "/" + IdFormat.ROUTE_TABLE.newId() + "/routes", route("10.9.0.0/16", eni), 404,
                        "routeTableId", "InvalidRouteTableID.NotFound"),
                new Case(TABLES + "/rtb-1/routes", route("10.9.0.0/16", eni), 400, "routeTableId",
                        "InvalidParameterValue"),
                new Case(TABLES + "/" + table + "/associations", Map.of(), 400, "subnetId", "MissingParameter"),
                new Case(TABLES + "/" + table + "/associations", Map.of("subnetId", "subnet-1"), 400, "subnetId",
                        "InvalidParameterValue"),
                new Case(TABLES + "/" + table + "/associations", Map.of("subnetId", IdFormat.SUBNET.newId()), 400,
                        "subnetId", "InvalidSubnetID.NotFound"),
                new Case(TABLES + "/" + table + "/associations", Map.of("gatewayId", "igw-0123456789abcdef0"), 400,
                        "gatewayId", "InvalidParameterValue"));
        for (Case c : cases) {
            as(account).body(c.body()).post(c.path()).then().statusCode(c.status())
                    .contentType("application/problem+json").body("field", equalTo(c.field()))
                    .body("code", equalTo(c.code()));
        }
        Map<String, String> unsupported = Map.of("gatewayId", "Privet has no internet/NAT/transit gateways",
                "natGatewayId", "Privet has no internet/NAT/transit gateways",
                "transitGatewayId", "Privet has no internet/NAT/transit gateways",
                "vpcEndpointId", "Gateway Load Balancer endpoints", "instanceId", "no instances",
                "vpcPeeringConnectionId", "no VPC peering", "egressOnlyInternetGatewayId", "not supported");
        unsupported.forEach((field, why) -> {
            Map<String, Object> body = new HashMap<>(route("10.9.0.0/16", eni));
            body.put(field, "x".repeat(100_000));
            addRoute(account, table, body).statusCode(400).body("code", equalTo("InvalidParameterValue"))
                    .body("field", equalTo(field)).body("detail", containsString(why))
                    .body("detail.length()", lessThan(300)); // the value is not echoed
        });
        addRoute(account, table, Map.of("destinationCidrBlock", "10.9.0.0/16", "gatewayId", "local")).statusCode(400)
                .body("field", equalTo("gatewayId")).body("detail", containsString("local route comes with every table"));
        addRoute(account, table, Map.of("destinationCidrBlock", "10.9.0.0/16", "gatewayId", IdFormat.VPC_ENDPOINT.newId()))
                .statusCode(400).body("field", equalTo("gatewayId")).body("detail", containsString("ModifyVpcEndpoint"));
        as(account).delete(routes).then().statusCode(400).body("field", equalTo("destinationCidrBlock"))
                .body("code", equalTo("MissingParameter"));
        as(account).delete(routes + "?destinationCidrBlock=10.0.0.0/8&destinationPrefixListId=pl-0123456789abcdef0")
                .then().statusCode(400).body("field", equalTo("destinationPrefixListId"));
        as(account).delete("/v1/route-table-associations/rtbassoc-1").then().statusCode(400)
                .body("field", equalTo("associationId"));
        as(account).delete("/v1/route-table-associations/" + IdFormat.ROUTE_TABLE_ASSOCIATION.newId()).then()
                .statusCode(404).body("code", equalTo("InvalidAssociationID.NotFound"));
        as(account).get(TABLES + "/rtb-1").then().statusCode(400).body("field", equalTo("routeTableId"));

        assertThat(store.appendedBy(account)).isEqualTo(before);
        as(account).get(TABLES + "/" + table).then().body("routes", hasSize(1)).body("associations", hasSize(0));
    }

    private static Map<String, Object> route(String cidr, String networkInterfaceId) {
        return Map.of("destinationCidrBlock", cidr, "networkInterfaceId", networkInterfaceId);
    }
}
