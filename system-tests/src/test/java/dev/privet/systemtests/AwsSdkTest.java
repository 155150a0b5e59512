package dev.privet.systemtests;

import dev.privet.cluster.LocalCluster;
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
import software.amazon.awssdk.services.ec2.model.DnsEntry;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton driven by the AWS SDK for Java v2, unchanged but for its endpoint, against the real processes:
 * each account signs with its own access key (the local keys: a twelve-digit key id with the secret {@code test}).
 * The network load balancer, its target group and listener are made with the SDK's Elastic Load Balancing client.
 * At the end everything is taken down again: the endpoint, the consumer's network, the service, its load balancer.
 *
 * <p>It runs on the {@link SharedCluster}, in accounts no other class uses: it counts what an account has ("no target
 * groups left", tags by key, the load balancer called {@code web}). Its clients are made when the class starts, from
 * the gateway's URL at that moment: nothing restarts the cluster while it runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@ExtendWith(SharedCluster.class)
class AwsSdkTest {
    static final String PROVIDER = "222233334444";
    static final String CONSUMER = "555566667777";
    static final Duration LIFECYCLE = Duration.ofSeconds(60);

    static LocalCluster cluster;
    static Ec2Client provider;
    static ElasticLoadBalancingV2Client elb;
    static Ec2Client consumer;

    static String serviceId;
    static String serviceName;
    static String endpointId;
    static String consumerVpc;
    static String loadBalancer;
    static String targetGroup;
    static List<String> consumerSubnets;

    @BeforeAll
    static void makeClients(LocalCluster shared) {
        cluster = shared;
        provider = ec2(PROVIDER, "test");
        elb = ElasticLoadBalancingV2Client.builder().endpointOverride(URI.create(cluster.gatewayUrl()))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(PROVIDER, "test")))
                .build();
        consumer = ec2(CONSUMER, "test");
    }

    @AfterAll
    static void closeClients() {
        for (SdkAutoCloseable client : new SdkAutoCloseable[] {provider, elb, consumer}) {
            if (client != null) {
                client.close();
            }
        }
    }

    static Ec2Client ec2(String accessKey, String secret) {
        return Ec2Client.builder().endpointOverride(URI.create(cluster.gatewayUrl())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    @Order(1)
    void a_provider_publishes_a_service_and_a_consumer_in_another_account_reaches_it() {
        String providerVpc = provider.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        provider.waiter().waitUntilVpcAvailable(r -> r.vpcIds(providerVpc));
        String providerSubnet = provider.createSubnet(r -> r.vpcId(providerVpc).cidrBlock("10.0.1.0/24")
                .availabilityZone("us-east-1a")).subnet().subnetId();
        var tier = software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag.builder().key("tier")
                .value("backend").build();
        String group = targetGroup = elb.createTargetGroup(r -> r.name("web").protocol(ProtocolEnum.TCP).port(8443)
                .vpcId(providerVpc).targetType(TargetTypeEnum.IP).tags(tier)).targetGroups().getFirst()
                .targetGroupArn();
        elb.registerTargets(r -> r.targetGroupArn(group).targets(TargetDescription.builder().id("127.0.0.1").build()));
        String nlb = loadBalancer = elb.createLoadBalancer(r -> r.name("web").type(LoadBalancerTypeEnum.NETWORK)
                .scheme(LoadBalancerSchemeEnum.INTERNAL).subnets(providerSubnet)).loadBalancers().getFirst()
                .loadBalancerArn();
        elb.waiter().waitUntilLoadBalancerAvailable(r -> r.loadBalancerArns(nlb));
        assertThat(elb.describeLoadBalancers(r -> r.names("web")).loadBalancers()).singleElement().satisfies(lb -> {
            assertThat(lb.loadBalancerArn()).isEqualTo(nlb);
            assertThat(lb.dnsName()).startsWith("web-");
            assertThat(lb.scheme()).isEqualTo(LoadBalancerSchemeEnum.INTERNAL);
            assertThat(lb.availabilityZones()).extracting(z -> z.zoneName()).containsExactly("us-east-1a");
        });
        elb.createListener(r -> r.loadBalancerArn(nlb).protocol(ProtocolEnum.TCP).port(443)
                .defaultActions(Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(group).build()));
        assertThat(elb.describeListeners(r -> r.loadBalancerArn(nlb)).listeners()).singleElement()
                .satisfies(l -> assertThat(l.defaultActions().getFirst().targetGroupArn()).isEqualTo(group));
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(group)).targetHealthDescriptions())
                .extracting(h -> h.target().id()).containsExactly("127.0.0.1");
        assertThat(elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(group).attributes(TargetGroupAttribute
                        .builder().key("proxy_protocol_v2.enabled").value("true").build())).attributes())
                .extracting(a -> a.key() + "=" + a.value())
                .contains("proxy_protocol_v2.enabled=true", "deregistration_delay.timeout_seconds=300");
        assertThat(elb.describeTargetGroupAttributes(r -> r.targetGroupArn(group)).attributes())
                .extracting(a -> a.key() + "=" + a.value()).contains("proxy_protocol_v2.enabled=true");
        var team = software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag.builder().key("team")
                .value("platform").build();
        elb.addTags(r -> r.resourceArns(nlb, group).tags(team));
        elb.removeTags(r -> r.resourceArns(group).tagKeys("team"));
        assertThat(elb.describeTags(r -> r.resourceArns(nlb, group)).tagDescriptions())
                .extracting(d -> d.resourceArn() + " " + d.tags()).containsExactly(nlb + " " + List.of(team),
                        group + " " + List.of(tier));

        var service = provider.createVpcEndpointServiceConfiguration(r -> r.networkLoadBalancerArns(nlb)
                .acceptanceRequired(false)).serviceConfiguration();
        serviceId = service.serviceId();
        serviceName = service.serviceName();
        await().atMost(LIFECYCLE).untilAsserted(() -> assertThat(provider.describeVpcEndpointServiceConfigurations(
                r -> r.serviceIds(service.serviceId())).serviceConfigurations().getFirst().serviceStateAsString())
                .isEqualTo("Available"));
        provider.modifyVpcEndpointServicePermissions(r -> r.serviceId(service.serviceId())
                .addAllowedPrincipals("arn:aws:iam::" + CONSUMER + ":root"));
        assertThat(provider.describeVpcEndpointServicePermissions(r -> r.serviceId(service.serviceId()))
                .allowedPrincipals()).extracting(p -> p.principal()).containsExactly("arn:aws:iam::" + CONSUMER + ":root");

        consumerVpc = consumer.createVpc(r -> r.cidrBlock("172.31.0.0/16").tagSpecifications(TagSpecification.builder()
                .resourceType(ResourceType.VPC).tags(tag("Name", "consumer")).build())).vpc().vpcId();
        String subnetA = consumer.createSubnet(r -> r.vpcId(consumerVpc).cidrBlock("172.31.0.0/20")
                .availabilityZone("us-east-1a")).subnet().subnetId();
        String subnetB = consumer.createSubnet(r -> r.vpcId(consumerVpc).cidrBlock("172.31.16.0/20")
                .availabilityZone("us-east-1b")).subnet().subnetId();
        consumer.waiter().waitUntilSubnetAvailable(r -> r.subnetIds(subnetA, subnetB));
        consumerSubnets = List.of(subnetA, subnetB);
        // Its zones come from the load balancer's events, which the consumer's network view reads: asynchronous.
        await().atMost(LIFECYCLE).untilAsserted(() -> {
            var found = consumer.describeVpcEndpointServices(r -> r.serviceNames(serviceName));
            assertThat(found.serviceNames()).containsExactly(serviceName);
            assertThat(found.serviceDetails()).singleElement().satisfies(detail -> {
                assertThat(detail.serviceType()).extracting(t -> t.serviceTypeAsString()).containsExactly("Interface");
                assertThat(detail.owner()).isEqualTo(PROVIDER);
                assertThat(detail.availabilityZones()).as("its load balancer's").containsExactly("us-east-1a");
                assertThat(detail.baseEndpointDnsNames())
                        .containsExactly(service.serviceId() + ".us-east-1.vpce.amazonaws.com");
            });
        });
        assertThat(consumer.describeVpcEndpointServices(r -> r.serviceNames("com.amazonaws.us-east-1.s3"))
                .serviceDetails()).as("AWS's own, once per type").allSatisfy(s3 -> {
                    assertThat(s3.owner()).isEqualTo("amazon");
                    assertThat(s3.availabilityZones()).hasSize(6);
                }).extracting(s3 -> s3.serviceType().getFirst().serviceTypeAsString())
                .containsExactly("Gateway", "Interface");

        VpcEndpoint created = consumer.createVpcEndpoint(r -> r.vpcEndpointType(VpcEndpointType.INTERFACE)
                .vpcId(consumerVpc).serviceName(serviceName).subnetIds(subnetA, subnetB).clientToken("skeleton-1"))
                .vpcEndpoint();
        endpointId = created.vpcEndpointId();
        assertThat(created.stateAsString()).isEqualTo("pending");
        assertThat(consumer.createVpcEndpoint(r -> r.vpcEndpointType(VpcEndpointType.INTERFACE).vpcId(consumerVpc)
                .serviceName(serviceName).subnetIds(subnetA, subnetB).clientToken("skeleton-1")).vpcEndpoint()
                .vpcEndpointId()).as("a retry with the same ClientToken").isEqualTo(endpointId);

        VpcEndpoint available = awaitState("available");
        assertThat(available.dnsEntries()).extracting(DnsEntry::dnsName).hasSize(3).first().asString()
                .matches(endpointId + "-[a-z0-9]{8}\\." + service.serviceId() + "\\.us-east-1\\.vpce\\.amazonaws\\.com");
        assertThat(consumer.describeNetworkInterfaces(r -> r.networkInterfaceIds(available.networkInterfaceIds()))
                .networkInterfaces()).extracting(NetworkInterface::privateIpAddress)
                .containsExactlyInAnyOrder("172.31.0.4", "172.31.16.4");

        consumer.createTags(r -> r.resources(endpointId, consumerVpc).tags(tag("team", "payments")));
        provider.createTags(r -> r.resources(service.serviceId()).tags(tag("team", "platform")));
        assertThat(provider.describeTags(r -> r.filters(filter("key", "team"))).tags())
                .as("EC2's tags only: the load balancer's are Elastic Load Balancing's")
                .extracting(t -> t.resourceId()).containsExactly(service.serviceId());
        assertThat(consumer.describeTags(r -> r.filters(filter("key", "team"))).tags())
                .extracting(t -> t.resourceId() + " " + t.resourceTypeAsString() + " " + t.value())
                .containsExactly(consumerVpc + " vpc payments", endpointId + " vpc-endpoint payments"); // by id
        assertThat(consumer.describeVpcs(r -> r.filters(filter("tag:Name", "consumer")))
                .vpcs()).singleElement().satisfies(v -> assertThat(v.tags())
                        .containsExactlyInAnyOrder(tag("Name", "consumer"), tag("team", "payments")));
        assertThat(consumer.describeVpcEndpoints(r -> r.vpcEndpointIds(endpointId)).vpcEndpoints().getFirst().tags())
                .containsExactly(tag("team", "payments"));
        assertCode(() -> consumer.createTags(r -> r.resources(service.serviceId()).tags(tag("team", "mine"))),
                "InvalidVpcEndpointServiceId.NotFound");
        consumer.deleteTags(r -> r.resources(consumerVpc).tags(Tag.builder().key("team").build()));
        assertThat(consumer.describeTags(r -> r.filters(filter("resource-id", consumerVpc))).tags()).extracting(t -> t.key()).containsExactly("Name");
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    @Order(2)
    void the_consumer_modifies_its_endpoint_subnets_security_groups_and_policy() {
        String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\","
                + "\"Resource\":\"*\"}]}";
        String defaultGroup = consumer.describeSecurityGroups(r -> r.filters(filter("vpc-id", consumerVpc),
                filter("group-name", "default"))).securityGroups().getFirst().groupId();
        assertThat(consumer.describeVpcEndpoints(r -> r.vpcEndpointIds(endpointId)).vpcEndpoints().getFirst()
                .groups()).as("none named at creation: the VPC's default").extracting(g -> g.groupId())
                .containsExactly(defaultGroup);
        String clients = consumer.createSecurityGroup(r -> r.vpcId(consumerVpc).groupName("clients")
                .description("who may reach the endpoint")).groupId();
        assertCode(() -> consumer.modifyVpcEndpoint(r -> r.vpcEndpointId(endpointId)
                .addSecurityGroupIds("sg-0123456789abcdef0")), "InvalidGroup.NotFound");

        assertThat(consumer.modifyVpcEndpoint(r -> r.vpcEndpointId(endpointId)
                .removeSubnetIds(consumerSubnets.get(1)).addSecurityGroupIds(clients)
                .policyDocument(policy)).returnValue()).isTrue();
        VpcEndpoint narrowed = awaitState("available");
        assertThat(narrowed.subnetIds()).containsExactly(consumerSubnets.getFirst());
        assertThat(narrowed.dnsEntries()).hasSize(2);
        assertThat(narrowed.groups()).extracting(g -> g.groupId()).containsExactlyInAnyOrder(defaultGroup, clients);
        assertThat(narrowed.policyDocument()).isEqualTo(policy);
        assertCode(() -> consumer.modifyVpcEndpoint(r -> r.vpcEndpointId(endpointId)
                .addSubnetIds(consumerSubnets.getFirst())), "InvalidParameterValue");

        consumer.modifyVpcEndpoint(r -> r.vpcEndpointId(endpointId).addSubnetIds(consumerSubnets.get(1))
                .removeSecurityGroupIds(clients).resetPolicy(true));
        VpcEndpoint restored = awaitState("available");
        assertThat(restored.subnetIds()).containsExactlyElementsOf(consumerSubnets);
        assertThat(restored.groups()).extracting(g -> g.groupId()).containsExactly(defaultGroup);
        consumer.deleteSecurityGroup(r -> r.groupId(clients));
        assertThat(restored.networkInterfaceIds()).hasSize(2);
        assertThat(restored.policyDocument()).contains("\"Effect\":\"Allow\"").contains("\"Resource\":\"*\"");
    }

    @Test
    @Order(3)
    void a_gateway_endpoint_to_s3_puts_its_route_in_the_main_route_table_until_it_is_deleted() {
        String main = consumer.describeRouteTables(r -> r.filters(filter("vpc-id", consumerVpc),
                filter("association.main", "true"))).routeTables().getFirst().routeTableId();
        String s3 = "com.amazonaws.us-east-1.s3";
        String prefixList = consumer.describePrefixLists(r -> r.filters(filter("prefix-list-name", s3)))
                .prefixLists().getFirst().prefixListId();

        String gateway = consumer.createVpcEndpoint(r -> r.vpcId(consumerVpc).serviceName(s3).routeTableIds(main))
                .vpcEndpoint().vpcEndpointId();
        VpcEndpoint available = awaitState(gateway, "available");
        assertThat(available.vpcEndpointTypeAsString()).isEqualTo("Gateway");
        assertThat(available.routeTableIds()).containsExactly(main);
        assertThat(routesOf(main)).anySatisfy(route -> {
            assertThat(route.destinationPrefixListId()).isEqualTo(prefixList);
            assertThat(route.gatewayId()).isEqualTo(gateway);
            assertThat(route.stateAsString()).isEqualTo("active");
        });

        consumer.modifyVpcEndpoint(r -> r.vpcEndpointId(gateway).removeRouteTableIds(main));
        assertThat(awaitState(gateway, "available").routeTableIds()).isEmpty();
        assertThat(routesOf(main)).noneMatch(route -> gateway.equals(route.gatewayId()));
        consumer.modifyVpcEndpoint(r -> r.vpcEndpointId(gateway).addRouteTableIds(main));
        assertThat(awaitState(gateway, "available").routeTableIds()).containsExactly(main);

        consumer.deleteVpcEndpoints(r -> r.vpcEndpointIds(gateway));
        awaitState(gateway, "deleted");
        assertThat(routesOf(main)).extracting(route -> route.gatewayId()).containsExactly("local");
    }

    @Test
    @Order(4)
    void errors_are_aws_errors() {
        assertCode(() -> consumer.describeVpcs(r -> r.vpcIds("vpc-00000000000000000")), "InvalidVpcID.NotFound");
        assertCode(() -> consumer.describeVpcEndpoints(r -> r.vpcEndpointIds("vpce-nope")),
                "InvalidVpcEndpointId.Malformed");
        assertCode(() -> provider.describeVpcEndpoints(r -> r.vpcEndpointIds(endpointId)),
                "InvalidVpcEndpointId.NotFound");
        assertCode(() -> consumer.createVpc(r -> r.dryRun(true).cidrBlock("10.9.0.0/16")), "DryRunOperation");
        assertCode(() -> consumer.createSubnet(r -> r.cidrBlock("10.9.0.0/24")), "MissingParameter");
        assertCode(() -> consumer.createVpcEndpoint(r -> r.vpcEndpointType(VpcEndpointType.INTERFACE)
                .vpcId("vpc-00000000000000000").serviceName("com.amazonaws.vpce.us-east-1.vpce-svc-00000000000000000")
                .subnetIds("subnet-00000000000000000")), "InvalidServiceName");
        assertThatThrownBy(() -> consumer.createVpcEndpoint(r -> r.vpcEndpointType(VpcEndpointType.INTERFACE)
                .vpcId("vpc-00000000000000000").serviceName("com.amazonaws.us-east-1.kms")
                .subnetIds("subnet-00000000000000000"))).isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("not supported yet");
                });
        assertThatThrownBy(() -> elb.describeTargetGroups(r -> r.names("nope")))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.elasticloadbalancingv2.model
                        .ElasticLoadBalancingV2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("TargetGroupNotFound"));
        try (Ec2Client forged = ec2(CONSUMER, "not-the-secret")) {
            assertCode(forged::describeVpcEndpoints, "SignatureDoesNotMatch");
        }
    }

    @Test
    @Order(5)
    void deleting_the_endpoint_runs_the_chain_backwards_and_frees_its_subnets_and_vpc() {
        assertCode(() -> consumer.deleteSubnet(r -> r.subnetId(consumerSubnets.getFirst())), "DependencyViolation");
        assertCode(() -> consumer.deleteVpc(r -> r.vpcId(consumerVpc)), "DependencyViolation");
        assertThat(consumer.deleteVpcEndpoints(r -> r.vpcEndpointIds(endpointId)).unsuccessful()).isEmpty();

        awaitState("deleted");
        consumerSubnets.forEach(subnet -> consumer.deleteSubnet(r -> r.subnetId(subnet)));
        consumer.deleteVpc(r -> r.vpcId(consumerVpc));
        assertCode(() -> consumer.describeVpcs(r -> r.vpcIds(consumerVpc)), "InvalidVpcID.NotFound");
    }

    @Test
    @Order(6)
    void the_provider_takes_down_its_listener_and_target_group_but_not_a_load_balancer_a_service_uses() {
        assertThatThrownBy(() -> elb.deleteLoadBalancer(r -> r.loadBalancerArn(loadBalancer)))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.elasticloadbalancingv2.model
                        .ElasticLoadBalancingV2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("ResourceInUse"));
        String listener = elb.describeListeners(r -> r.loadBalancerArn(loadBalancer)).listeners().getFirst()
                .listenerArn();
        elb.deleteListener(r -> r.listenerArn(listener));
        elb.deleteTargetGroup(r -> r.targetGroupArn(targetGroup));

        assertThat(elb.describeListeners(r -> r.loadBalancerArn(loadBalancer)).listeners()).isEmpty();
        assertThat(elb.describeTargetGroups().targetGroups()).isEmpty();
    }

    @Test
    @Order(7)
    void the_provider_deletes_its_service_and_then_the_load_balancer_it_used() {
        String unknown = "vpce-svc-00000000000000000";
        var deleted = provider.deleteVpcEndpointServiceConfigurations(r -> r.serviceIds(serviceId, unknown));
        assertThat(deleted.unsuccessful()).singleElement().satisfies(item -> {
            assertThat(item.resourceId()).isEqualTo(unknown);
            assertThat(item.error().code()).isEqualTo("InvalidVpcEndpointService.NotFound");
        });

        assertThat(provider.describeVpcEndpointServiceConfigurations().serviceConfigurations())
                .extracting(ServiceConfiguration::serviceId).doesNotContain(serviceId);
        assertCode(() -> provider.describeVpcEndpointServiceConfigurations(r -> r.serviceIds(serviceId)),
                "InvalidVpcEndpointServiceId.NotFound");
        assertThat(provider.deleteVpcEndpointServiceConfigurations(r -> r.serviceIds(serviceId)).unsuccessful())
                .as("deleted again").singleElement()
                .satisfies(item -> assertThat(item.error().code()).isEqualTo("InvalidVpcEndpointService.NotFound"));
        // The consumer's catalog hears of it through Kafka: asynchronous by design.
        await().atMost(LIFECYCLE).untilAsserted(() -> assertThat(consumer.describeVpcEndpointServices().serviceNames())
                .doesNotContain(serviceName));
        assertCode(() -> consumer.createVpcEndpoint(r -> r.vpcEndpointType(VpcEndpointType.INTERFACE)
                .vpcId("vpc-00000000000000000").serviceName(serviceName).subnetIds("subnet-00000000000000000")),
                "InvalidServiceName");

        // At once: network-service confirms the load balancer's use against the deletion before refusing.
        elb.deleteLoadBalancer(r -> r.loadBalancerArn(loadBalancer));
        assertThat(elb.describeLoadBalancers().loadBalancers()).isEmpty();
    }

    private static VpcEndpoint awaitState(String state) {
        return awaitState(endpointId, state);
    }

    private static VpcEndpoint awaitState(String id, String state) {
        return await().atMost(LIFECYCLE).pollInterval(Duration.ofMillis(200)).until(() -> consumer
                .describeVpcEndpoints(r -> r.vpcEndpointIds(id)).vpcEndpoints().getFirst(),
                endpoint -> endpoint.stateAsString().equals(state));
    }

    private static List<Route> routesOf(String routeTableId) {
        return consumer.describeRouteTables(r -> r.routeTableIds(routeTableId)).routeTables().getFirst().routes();
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }

    private static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Ec2Exception.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code));
    }
}
