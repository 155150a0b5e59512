package dev.privet.gateway.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Elastic Load Balancing v2 as the AWS SDK for Java sees it, in front of scripted services. */
@QuarkusTest
@QuarkusTestResource(value = ScriptedServices.class, restrictToAnnotatedClass = true)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ElbQueryApiTest {
    static final String ACCOUNT = "111122223333";
    static final String GROUP = "arn:aws:elasticloadbalancing:us-east-1:" + ACCOUNT + ":targetgroup/web/0123456789abcdef";
    static final String LB = "arn:aws:elasticloadbalancing:us-east-1:" + ACCOUNT + ":loadbalancer/net/web/0123456789abcdef";
    static final String GROUP_JSON = "{\"targetGroupArn\":\"" + GROUP + "\",\"targetGroupName\":\"web\",\"protocol\":\"TCP\","
            + "\"port\":8443,\"vpcId\":\"vpc-00000000000000001\",\"targetType\":\"ip\",\"healthCheck\":{\"protocol\":\"TCP\","
            + "\"port\":\"traffic-port\",\"intervalSeconds\":30,\"timeoutSeconds\":10,\"healthyThreshold\":5,"
            + "\"unhealthyThreshold\":2},\"loadBalancerArns\":[],\"ownerId\":\"" + ACCOUNT + "\"}";

    @TestHTTPResource("/")
    URI gateway;

    ElasticLoadBalancingV2Client elb;

    @BeforeEach
    void client() {
        ScriptedServices.reset();
        elb = client(gateway, ACCOUNT);
    }

    /** The SDK's client of the gateway, signing as {@code account} with the local secret; no retries. */
    static ElasticLoadBalancingV2Client client(URI gateway, String account) {
        return ElasticLoadBalancingV2Client.builder().endpointOverride(gateway).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(account, "test")))
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void close() {
        elb.close();
    }

    @Test
    void a_target_group_is_created_with_its_name_as_idempotency_key_and_answered_in_elb_shape() {
        ScriptedServices.answer("POST /v1/target-groups", 201, GROUP_JSON);

        var group = elb.createTargetGroup(r -> r.name("web").protocol(ProtocolEnum.TCP).port(8443)
                .vpcId("vpc-00000000000000001").targetType("ip")).targetGroups().getFirst();

        assertThat(group.targetGroupArn()).isEqualTo(GROUP);
        assertThat(group.healthCheckPort()).isEqualTo("traffic-port");
        assertThat(group.targetTypeAsString()).isEqualTo("ip");
        assertThat(ScriptedServices.SEEN).singleElement().satisfies(seen -> {
            assertThat(seen.idempotencyKey()).isEqualTo("CreateTargetGroup:web");
            assertThat(seen.body()).contains("\"targetType\":\"ip\"").contains("\"port\":8443");
        });
    }

    @Test
    void targets_are_registered_by_id_and_port_on_the_group_the_arn_names() {
        ScriptedServices.answer("GET /v1/target-groups/web", 200, GROUP_JSON);
        ScriptedServices.answer("POST /v1/target-groups/web/targets", 200, "[]");

        elb.registerTargets(r -> r.targetGroupArn(GROUP).targets(TargetDescription.builder().id("127.0.0.1").build(),
                TargetDescription.builder().id("127.0.0.2").port(9443).build()));

        assertThat(ScriptedServices.SEEN).extracting(ScriptedServices.Seen::body).last().asString()
                .isEqualTo("{\"registerTargets\":[{\"id\":\"127.0.0.1\"},{\"id\":\"127.0.0.2\",\"port\":9443}]}");
    }

    @Test
    void target_health_says_what_the_service_says() {
        ScriptedServices.answer("GET /v1/target-groups/web", 200, GROUP_JSON);
        ScriptedServices.answer("GET /v1/target-groups/web/targets", 200, "[{\"id\":\"127.0.0.1\",\"port\":8443,"
                + "\"state\":\"unused\",\"reason\":\"Target.NotInUse\",\"description\":\"not in use\"}]");

        var health = elb.describeTargetHealth(r -> r.targetGroupArn(GROUP)).targetHealthDescriptions();

        assertThat(health).singleElement().satisfies(h -> {
            assertThat(h.target().id()).isEqualTo("127.0.0.1");
            assertThat(h.healthCheckPort()).isEqualTo("8443");
            assertThat(h.targetHealth().stateAsString()).isEqualTo("unused");
            assertThat(h.targetHealth().reasonAsString()).isEqualTo("Target.NotInUse");
        });
    }

    @Test
    void an_arn_of_another_group_with_the_same_name_is_not_found() {
        ScriptedServices.answer("GET /v1/target-groups/web", 200, GROUP_JSON);

        assertThatThrownBy(() -> elb.describeTargetHealth(r -> r.targetGroupArn(GROUP.replace("0123", "9999"))))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TargetGroupNotFound");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }

    @Test
    void a_load_balancer_without_a_type_is_an_application_load_balancer_and_refused() {
        assertThatThrownBy(() -> elb.createLoadBalancer(r -> r.name("web").subnets("subnet-00000000000000001")))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThat(ScriptedServices.SEEN).isEmpty();
    }

    @Test
    void load_balancers_are_listed_with_their_zones_and_state() {
        ScriptedServices.answer("GET /v1/load-balancers", 200, "[{\"loadBalancerArn\":\"" + LB + "\",\"loadBalancerName\":\"web\","
                + "\"type\":\"network\",\"vpcId\":\"vpc-00000000000000001\",\"subnetIds\":[\"subnet-00000000000000001\"],"
                + "\"listeners\":[],\"targets\":[],\"ownerId\":\"" + ACCOUNT + "\",\"state\":\"active\"}]");
        ScriptedServices.answer("GET /v1/subnets", 200, "[{\"subnetId\":\"subnet-00000000000000001\","
                + "\"availabilityZone\":\"us-east-1a\"}]");

        var lb = elb.describeLoadBalancers(r -> r.names("web")).loadBalancers();

        assertThat(lb).singleElement().satisfies(l -> {
            assertThat(l.loadBalancerArn()).isEqualTo(LB);
            assertThat(l.type()).isEqualTo(LoadBalancerTypeEnum.NETWORK);
            assertThat(l.state().codeAsString()).isEqualTo("active");
            assertThat(l.availabilityZones()).singleElement().satisfies(z -> assertThat(z.zoneName())
                    .isEqualTo("us-east-1a"));
            assertThat(l.dnsName()).isEqualTo("web-0123456789abcdef.elb.us-east-1.amazonaws.com");
        });
        assertThatThrownBy(() -> elb.describeLoadBalancers(r -> r.names("nope")))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LoadBalancerNotFound"));
    }

    @Test
    void tags_go_to_network_service_and_a_full_resource_is_too_many_tags() {
        ScriptedServices.answer("POST /v1/tags", 204, "");
        elb.addTags(r -> r.resourceArns(LB).tags(t -> t.key("team").value("blue")));
        assertThat(ScriptedServices.SEEN).singleElement().satisfies(seen -> assertThat(seen.body())
                .isEqualTo("{\"resourceIds\":[\"" + LB + "\"],\"tags\":[{\"key\":\"team\",\"value\":\"blue\"}]}"));

        ScriptedServices.answer("POST /v1/tags", 400, "{\"status\":400,\"code\":\"TagLimitExceeded\","
                + "\"detail\":\"The maximum number of tags per resource is 50\",\"field\":\"tags\"}");
        assertThatThrownBy(() -> elb.addTags(r -> r.resourceArns(LB).tags(t -> t.key("one-more"))))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyTags"));
        assertThatThrownBy(() -> elb.describeTags(r -> r.resourceArns(GROUP)))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TargetGroupNotFound"));
        assertThatThrownBy(() -> elb.removeTags(r -> r.resourceArns("arn:aws:s3:::bucket").tagKeys("team")))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    }
}
