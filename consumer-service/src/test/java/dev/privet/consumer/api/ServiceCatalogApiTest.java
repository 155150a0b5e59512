package dev.privet.consumer.api;

import dev.privet.contracts.events.NetworkEvent.EndpointRouteTableDeleted;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkReleased;
import dev.privet.contracts.events.NetworkEvent.EndpointRoutesModified;
import dev.privet.contracts.events.NetworkEvent.EndpointRoutesProvisioned;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceTagsChanged;
import dev.privet.contracts.events.Values.Tag;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static dev.privet.consumer.api.ConsumerApi.ASYNC;
import static dev.privet.consumer.api.ConsumerApi.PROVIDER;
import static dev.privet.consumer.api.ConsumerApi.body;
import static dev.privet.consumer.api.ConsumerApi.create;
import static dev.privet.consumer.api.ConsumerApi.delete;
import static dev.privet.consumer.api.ConsumerApi.get;
import static dev.privet.consumer.api.ConsumerApi.modify;
import static dev.privet.consumer.api.ConsumerApi.eventsBy;
import static dev.privet.consumer.api.ConsumerApi.newAccount;
import static dev.privet.consumer.api.ConsumerApi.rootArn;
import static dev.privet.consumer.api.ConsumerApi.services;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** The catalog a consumer finds services in: AWS's own, and the providers' it may use, each as AWS details it. */
@QuarkusTest
@WithTestResource(PrivetServiceTestResource.class)
@DisplayName("consumer-service catalog")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServiceCatalogApiTest {
    static final String S3 = "com.amazonaws.us-east-1.s3";
    static final String KMS = "com.amazonaws.us-east-1.kms";
    static final List<String> ZONES = List.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e",
            "us-east-1f");
    static OtherServices others;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void connect() {
        others = new OtherServices();
    }

    @Test
    void every_account_finds_AWSs_own_services_first_by_name_then_type() {
        JsonPath all = services(newAccount(), null).statusCode(200).extract().jsonPath();

        List<String> aws = all.getList(
                "findAll { it.owner == 'amazon' }.collect { it.serviceName + ' ' + it.serviceType }");
        assertThat(aws).hasSize(15).startsWith("com.amazonaws.us-east-1.dynamodb Gateway",
                        "com.amazonaws.us-east-1.ec2 Interface")
                .contains(S3 + " Gateway", S3 + " Interface", KMS + " Interface",
                        "com.amazonaws.us-east-1.sts Interface")
                .isSorted();
        assertThat(all.getList("serviceName", String.class).subList(0, 15)).as("before the providers' services")
                .allMatch(name -> name.startsWith("com.amazonaws.us-east-1."));
    }

    @Test
    void an_Interface_service_of_AWS_is_detailed_with_its_zones_names_and_verified_private_DNS_name() {
        services(newAccount(), KMS).statusCode(200)
                .body("$", hasSize(1))
                .body("[0].serviceName", equalTo(KMS))
                .body("[0].serviceId", equalTo(services(newAccount(), KMS).extract().path("[0].serviceId")))
                .body("[0].serviceType", equalTo("Interface"))
                .body("[0].serviceRegion", equalTo("us-east-1"))
                .body("[0].owner", equalTo("amazon"))
                .body("[0].serviceState", equalTo("Available"))
                .body("[0].availabilityZones", equalTo(ZONES))
                .body("[0].baseEndpointDnsNames", contains("kms.us-east-1.vpce.amazonaws.com"))
                .body("[0].privateDnsName", equalTo("kms.us-east-1.amazonaws.com"))
                .body("[0].privateDnsNameVerificationState", equalTo("verified"))
                .body("[0].vpcEndpointPolicySupported", equalTo(true))
                .body("[0].acceptanceRequired", equalTo(false))
                .body("[0].managesVpcEndpoints", equalTo(false))
                .body("[0].payerResponsibility", equalTo("ServiceOwner"))
                .body("[0].supportedIpAddressTypes", contains("ipv4"));
    }

    @Test
    void s3_is_found_twice_by_its_name_as_a_Gateway_and_as_an_Interface_service() {
        JsonPath s3 = services(newAccount(), S3).statusCode(200).extract().jsonPath();

        assertThat(s3.getList("serviceType")).containsExactly("Gateway", "Interface");
        assertThat(s3.getList("serviceId")).doesNotHaveDuplicates();
        assertThat(s3.getList("baseEndpointDnsNames")).containsExactly(List.of("s3.us-east-1.amazonaws.com"),
                List.of("s3.us-east-1.vpce.amazonaws.com"));
        Map<String, Object> gateway = s3.getMap("[0]");
        assertThat(gateway).as("a Gateway service has no private DNS name")
                .doesNotContainKeys("privateDnsName", "privateDnsNameVerificationState");
        assertThat(s3.getString("[1].privateDnsName")).isEqualTo("s3.us-east-1.amazonaws.com");
    }

    @Test
    void a_providers_service_is_found_by_its_owner_and_allowed_principals_only_with_its_detail() {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, true, rootArn(consumer));
        String serviceId = OtherServices.serviceIdOf(service);

        for (String account : List.of(consumer, PROVIDER)) {
            services(account, service).statusCode(200)
                    .body("$", hasSize(1))
                    .body("[0].serviceId", equalTo(serviceId))
                    .body("[0].serviceType", equalTo("Interface"))
                    .body("[0].serviceRegion", equalTo("us-east-1"))
                    .body("[0].owner", equalTo(PROVIDER))
                    .body("[0].serviceState", equalTo("Available"))
                    .body("[0].availabilityZones", hasSize(0))
                    .body("[0].baseEndpointDnsNames", contains(serviceId + ".us-east-1.vpce.amazonaws.com"))
                    .body("[0].privateDnsName", equalTo(null))
                    .body("[0].vpcEndpointPolicySupported", equalTo(false))
                    .body("[0].acceptanceRequired", equalTo(true))
                    .body("[0].payerResponsibility", equalTo("ServiceOwner"))
                    .body("[0].supportedIpAddressTypes", contains("ipv4"));
        }
        String stranger = newAccount();
        services(stranger, service).statusCode(200).body("$", hasSize(0));
        services(stranger, null).statusCode(200).body("serviceName", not(hasItem(service)))
                .body("serviceName", hasItem(KMS));
        services(consumer, null).statusCode(200).body("serviceName", hasItem(service));
    }

    @Test
    void a_providers_service_shows_its_tags_to_its_owner_only() {
        String consumer = newAccount();
        String service = others.availableService(PROVIDER, false, rootArn(consumer));
        String serviceId = OtherServices.serviceIdOf(service);
        others.publish(PROVIDER, new EndpointServiceTagsChanged(serviceId, PROVIDER, List.of(new Tag("team", "web"))));

        await().atMost(ASYNC).untilAsserted(() -> services(PROVIDER, service).statusCode(200)
                .body("[0].tags.key", contains("team")).body("[0].tags.value", contains("web")));
        services(consumer, service).statusCode(200).body("[0].tags", hasSize(0));

        others.publish(PROVIDER, new EndpointServiceTagsChanged(serviceId, PROVIDER, List.of()));
        await().atMost(ASYNC).untilAsserted(() -> services(PROVIDER, service).body("[0].tags", hasSize(0)));
    }

    @Test
    void a_providers_service_is_offered_in_the_zones_of_its_load_balancers_subnets() {
        String consumer = newAccount();
        var first = others.vpcWithSubnet(PROVIDER, "us-east-1c");
        var second = others.subnetIn(PROVIDER, first.vpcId(), "us-east-1a");
        var third = others.subnetIn(PROVIDER, first.vpcId(), "us-east-1c");
        String service = others.availableService(PROVIDER, false, List.of(others.loadBalancer(PROVIDER, first, second),
                others.loadBalancer(PROVIDER, third)), rootArn(consumer));

        // The load balancers come on network-service's topic, the service on provider-service's: asynchronous.
        await().atMost(ASYNC).untilAsserted(() -> services(consumer, service).statusCode(200)
                .body("[0].availabilityZones", contains("us-east-1a", "us-east-1c")));
    }

    @Test
    void a_name_in_neither_list_finds_nothing_and_an_overlong_one_is_refused() {
        services(newAccount(), "com.amazonaws.us-east-1.nope").statusCode(200).body("$", hasSize(0));
        services(newAccount(), "com.amazonaws.eu-west-1.s3").statusCode(200).body("$", hasSize(0)); // another region's
        services(newAccount(), "x".repeat(256)).statusCode(400).body("code", equalTo("InvalidParameterValue"))
                .body("field", equalTo("serviceName"));
    }

    @Test
    void an_endpoint_to_an_AWS_service_is_refused_as_not_supported_yet_and_appends_nothing() throws SQLException {
        String consumer = newAccount();
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        long before = eventsBy(dataSource, consumer);

        create(consumer, body(KMS, network.vpcId(), List.of(network.subnetId()))).statusCode(400)
                .body("code", equalTo("InvalidParameterValue"))
                .body("field", equalTo("serviceName"))
                .body("detail", containsString("Interface endpoints to them are not supported yet"));
        create(consumer, body("com.amazonaws.us-east-1.nope", network.vpcId(), List.of(network.subnetId())))
                .statusCode(400).body("code", equalTo("InvalidServiceName"));
        assertThat(eventsBy(dataSource, consumer)).isEqualTo(before);
    }

    static Map<String, Object> gateway(String serviceName, String vpcId, List<String> routeTableIds) {
        return Map.of("vpcEndpointType", "Gateway", "serviceName", serviceName, "vpcId", vpcId,
                "routeTableIds", routeTableIds);
    }

    @Test
    void a_Gateway_endpoint_to_s3_is_available_once_its_routes_are_in_place_and_deleted_once_they_are_gone() {
        String consumer = newAccount();
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        String main = others.routeTableIn(consumer, network.vpcId());
        String other = others.routeTableIn(consumer, network.vpcId());
        String serviceId = services(consumer, S3).extract().path("find { it.serviceType == 'Gateway' }.serviceId");

        String id = create(consumer, gateway(S3, network.vpcId(), List.of(main, other))).statusCode(201)
                .body("vpcEndpointType", equalTo("Gateway"))
                .body("state", equalTo("pending"))
                .body("routeTableIds", contains(main, other))
                .body("subnetIds", hasSize(0))
                .extract().path("vpcEndpointId");
        others.publish(consumer, new EndpointRoutesProvisioned(id, serviceId, "pl-0123456789abcdef0",
                List.of(main, other)));
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).statusCode(200)
                .body("state", equalTo("available")).body("networkInterfaceIds", hasSize(0)));

        modify(consumer, id, Map.of("removeRouteTableIds", List.of(main))).statusCode(200)
                .body("state", equalTo("pending")).body("routeTableIds", contains(other));
        others.publish(consumer, new EndpointRoutesModified(id, serviceId, List.of(other)));
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).body("state", equalTo("available")));

        others.publish(consumer, new EndpointRouteTableDeleted(id, serviceId, other)); // the table was deleted
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).body("routeTableIds", hasSize(0))
                .body("state", equalTo("available")));

        delete(consumer, id).statusCode(200).body("state", equalTo("deleting"));
        others.publish(consumer, new EndpointNetworkReleased(id, serviceId, List.of()));
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).body("state", equalTo("deleted")));
    }

    @Test
    void a_Gateway_endpoint_that_does_not_fit_is_refused_naming_the_field_and_appends_nothing() throws SQLException {
        String consumer = newAccount();
        var network = others.vpcWithSubnet(consumer, "us-east-1a");
        String table = others.routeTableIn(consumer, network.vpcId());
        String elsewhere = others.routeTableIn(consumer, others.vpcWithSubnet(consumer, "us-east-1a").vpcId());
        String strangers = others.routeTableIn(newAccount(), network.vpcId());
        long before = eventsBy(dataSource, consumer);

        var withSubnets = new java.util.HashMap<>(gateway(S3, network.vpcId(), List.of(table)));
        withSubnets.put("subnetIds", List.of(network.subnetId()));
        create(consumer, withSubnets).statusCode(400).body("field", equalTo("subnetIds"));
        create(consumer, gateway(S3, network.vpcId(), List.of("rtb-x"))).statusCode(400)
                .body("code", equalTo("InvalidRouteTableId.Malformed")).body("field", equalTo("routeTableIds[0]"));
        create(consumer, gateway(S3, network.vpcId(), List.of(table, strangers))).statusCode(400)
                .body("code", equalTo("InvalidRouteTableID.NotFound")).body("field", equalTo("routeTableIds[1]"));
        create(consumer, gateway(S3, network.vpcId(), List.of(elsewhere))).statusCode(400)
                .body("code", equalTo("InvalidParameterValue")).body("field", equalTo("routeTableIds[0]"));
        create(consumer, gateway(KMS, network.vpcId(), List.of(table))).statusCode(400)
                .body("field", equalTo("vpcEndpointType"));
        create(consumer, Map.of("serviceName", S3, "vpcId", network.vpcId(), "subnetIds", List.of(network.subnetId()),
                "routeTableIds", List.of(table))).statusCode(400).body("field", equalTo("routeTableIds"));
        assertThat(eventsBy(dataSource, consumer)).isEqualTo(before);
    }
}
