package dev.privet.systemtests;

import dev.privet.cluster.LocalCluster;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointConnection;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The provider's side of the acceptance workflow, with the AWS SDK against the real processes: a service that
 * requires acceptance holds a new endpoint in {@code pendingAcceptance}, cannot be deleted meanwhile, accepts it
 * (the endpoint becomes available and its name resolves), then rejects it after all (its name stops resolving, its
 * interfaces go, and the consumer deletes it at once); a second endpoint is rejected with a reason the consumer sees.
 * On the {@link SharedCluster}, in accounts of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@ExtendWith(SharedCluster.class)
class EndpointConnectionsTest {
    static final String PROVIDER = "333344445555";
    static final String CONSUMER = "666677778888";
    static final Duration LIFECYCLE = Duration.ofSeconds(60);

    static LocalCluster cluster;
    static Ec2Client provider;
    static Ec2Client consumer;
    static ElasticLoadBalancingV2Client elb;

    static String serviceId;
    static String serviceName;
    static String consumerVpc;
    static String consumerSubnet;
    static String endpointId;
    static String regionalName;
    static List<String> interfaces;

    @BeforeAll
    static void makeClients(LocalCluster shared) {
        cluster = shared;
        provider = ec2(PROVIDER);
        consumer = ec2(CONSUMER);
        elb = ElasticLoadBalancingV2Client.builder().endpointOverride(URI.create(cluster.gatewayUrl()))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(PROVIDER, "test")))
                .build();
    }

    @AfterAll
    static void closeClients() {
        for (SdkAutoCloseable client : new SdkAutoCloseable[] {provider, consumer, elb}) {
            if (client != null) {
                client.close();
            }
        }
    }

    static Ec2Client ec2(String account) {
        return Ec2Client.builder().endpointOverride(URI.create(cluster.gatewayUrl())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(account, "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    @Order(1)
    void an_endpoint_on_a_service_that_requires_acceptance_waits_and_the_service_cannot_be_deleted_meanwhile() {
        String vpc = provider.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = provider.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a"))
                .subnet().subnetId();
        String nlb = elb.createLoadBalancer(r -> r.name("accepting").type(LoadBalancerTypeEnum.NETWORK)
                .subnets(subnet)).loadBalancers().getFirst().loadBalancerArn();
        var service = provider.createVpcEndpointServiceConfiguration(r -> r.networkLoadBalancerArns(nlb))
                .serviceConfiguration();
        assertThat(service.acceptanceRequired()).as("AWS's default").isTrue();
        serviceId = service.serviceId();
        serviceName = service.serviceName();
        await().atMost(LIFECYCLE).untilAsserted(() -> assertThat(provider.describeVpcEndpointServiceConfigurations(
                r -> r.serviceIds(serviceId)).serviceConfigurations().getFirst().serviceStateAsString())
                .isEqualTo("Available"));
        provider.modifyVpcEndpointServicePermissions(r -> r.serviceId(serviceId)
                .addAllowedPrincipals("arn:aws:iam::" + CONSUMER + ":root"));

        consumerVpc = consumer.createVpc(r -> r.cidrBlock("172.31.0.0/16")).vpc().vpcId();
        consumerSubnet = consumer.createSubnet(r -> r.vpcId(consumerVpc).cidrBlock("172.31.0.0/20")
                .availabilityZone("us-east-1a")).subnet().subnetId();
        endpointId = createEndpoint();
        assertThat(endpoint(endpointId).stateAsString()).isEqualTo("pendingAcceptance");

        await().atMost(LIFECYCLE).untilAsserted(() -> assertThat(connections()).singleElement().satisfies(c -> {
            assertThat(c.vpcEndpointId()).isEqualTo(endpointId);
            assertThat(c.vpcEndpointOwner()).isEqualTo(CONSUMER);
            assertThat(c.vpcEndpointStateAsString()).isEqualTo("pendingAcceptance");
            assertThat(c.networkLoadBalancerArns()).containsExactly(nlb);
        }));
        assertThat(provider.deleteVpcEndpointServiceConfigurations(r -> r.serviceIds(serviceId)).unsuccessful())
                .singleElement().satisfies(item -> assertThat(item.error().code())
                        .isEqualTo("ExistingVpcEndpointConnections"));
    }

    @Test
    @Order(2)
    void the_provider_accepts_it_and_its_name_resolves_to_its_interface() throws Exception {
        assertThat(provider.acceptVpcEndpointConnections(r -> r.serviceId(serviceId).vpcEndpointIds(endpointId))
                .unsuccessful()).isEmpty();

        VpcEndpoint available = awaitState(endpointId, "available");
        interfaces = available.networkInterfaceIds();
        regionalName = available.dnsEntries().getFirst().dnsName();
        // the interface's data plane address, where its forwarder listens (the private IP is AWS's 172.31.0.4)
        var networkInterface = given().header("X-Privet-Account", CONSUMER)
                .get(cluster.gatewayUrl() + "/v1/network-interfaces?vpcEndpointId=" + endpointId)
                .then().statusCode(200).extract();
        assertThat(networkInterface.<List<String>>path("privateIpAddress")).containsExactly("172.31.0.4");
        assertThat(ClusterDns.resolve(cluster, regionalName))
                .containsExactlyElementsOf(networkInterface.path("dataPlaneAddress"));
        assertThat(connections()).extracting(VpcEndpointConnection::vpcEndpointStateAsString)
                .containsExactly("available");
    }

    @Test
    @Order(3)
    void rejected_after_all_its_name_stops_resolving_its_interface_goes_and_it_is_deleted_at_once() throws Exception {
        assertThat(provider.rejectVpcEndpointConnections(r -> r.serviceId(serviceId).vpcEndpointIds(endpointId))
                .unsuccessful()).isEmpty();

        awaitState(endpointId, "rejected");
        await().atMost(LIFECYCLE).untilAsserted(() -> assertThat(ClusterDns.isMissing(cluster, regionalName)).isTrue());
        await().atMost(LIFECYCLE).untilAsserted(() -> assertThat(endpoint(endpointId).networkInterfaceIds()).isEmpty());
        assertThatThrownBy(() -> consumer.describeNetworkInterfaces(r -> r.networkInterfaceIds(interfaces)))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("InvalidNetworkInterfaceID.NotFound"));
        assertThat(provider.acceptVpcEndpointConnections(r -> r.serviceId(serviceId).vpcEndpointIds(endpointId))
                .unsuccessful()).singleElement().satisfies(item -> assertThat(item.error().code())
                        .isEqualTo("IncorrectState"));

        assertThat(consumer.deleteVpcEndpoints(r -> r.vpcEndpointIds(endpointId)).unsuccessful()).isEmpty();
        assertThat(endpoint(endpointId).stateAsString()).isEqualTo("deleted");
    }

    @Test
    @Order(4)
    void a_provider_rejects_with_a_reason_that_the_consumer_sees_and_then_deletes_its_service() {
        String second = createEndpoint();
        await().atMost(LIFECYCLE).untilAsserted(() -> assertThat(connections())
                .extracting(VpcEndpointConnection::vpcEndpointId).contains(second));
        // The reason is Privet's addition: the AWS clients do not send it, the JSON API takes it.
        given().header("X-Privet-Account", PROVIDER).contentType(ContentType.JSON)
                .body(Map.of("vpcEndpointIds", List.of(second), "reason", "not a customer"))
                .post(cluster.gatewayUrl() + "/v1/endpoint-services/" + serviceId + "/connections/rejections")
                .then().statusCode(200);

        VpcEndpoint rejected = awaitState(second, "rejected");
        assertThat(rejected.lastError().message()).isEqualTo("not a customer");
        consumer.deleteVpcEndpoints(r -> r.vpcEndpointIds(second));
        await().atMost(LIFECYCLE).untilAsserted(() -> assertThat(endpoint(second).stateAsString()).isEqualTo("deleted"));
        assertThat(provider.deleteVpcEndpointServiceConfigurations(r -> r.serviceIds(serviceId)).unsuccessful())
                .isEmpty();
    }

    private static String createEndpoint() {
        return consumer.createVpcEndpoint(r -> r.vpcEndpointType(VpcEndpointType.INTERFACE).vpcId(consumerVpc)
                .serviceName(serviceName).subnetIds(consumerSubnet)).vpcEndpoint().vpcEndpointId();
    }

    private static List<VpcEndpointConnection> connections() {
        return provider.describeVpcEndpointConnections(r -> r.filters(filter("service-id", serviceId)))
                .vpcEndpointConnections();
    }

    private static VpcEndpoint endpoint(String id) {
        return consumer.describeVpcEndpoints(r -> r.vpcEndpointIds(id)).vpcEndpoints().getFirst();
    }

    private static VpcEndpoint awaitState(String id, String state) {
        return await().atMost(LIFECYCLE).pollInterval(Duration.ofMillis(200)).until(() -> endpoint(id),
                endpoint -> endpoint.stateAsString().equals(state));
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }
}
