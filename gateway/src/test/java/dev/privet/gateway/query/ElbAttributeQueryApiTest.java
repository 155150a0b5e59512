package dev.privet.gateway.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Elastic Load Balancing calls the Terraform AWS provider makes for {@code aws_lb} and {@code aws_lb_listener}
 * beyond the creates: attributes of load balancers and listeners, and listeners' tags, in front of scripted services.
 */
@QuarkusTest
@QuarkusTestResource(value = ScriptedServices.class, restrictToAnnotatedClass = true)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ElbAttributeQueryApiTest {
    static final String ACCOUNT = ElbQueryApiTest.ACCOUNT;
    static final String LB = ElbQueryApiTest.LB;
    static final String LISTENER = LB.replace(":loadbalancer/", ":listener/") + "/fedcba9876543210";
    static final String GROUP = ElbQueryApiTest.GROUP;
    static final String LB_JSON = "{\"loadBalancerArn\":\"" + LB + "\",\"loadBalancerName\":\"web\",\"type\":\"network\","
            + "\"vpcId\":\"vpc-00000000000000001\",\"subnetIds\":[],\"listeners\":[],\"targets\":[],\"ownerId\":\""
            + ACCOUNT + "\",\"state\":\"active\"}";
    static final String LISTENERS_JSON = "[{\"listenerArn\":\"" + LISTENER + "\",\"loadBalancerArn\":\"" + LB
            + "\",\"port\":443,\"protocol\":\"TCP\",\"targetGroupArn\":\"" + GROUP + "\"}]";
    static final String ATTRIBUTES_JSON = "[{\"key\":\"access_logs.s3.enabled\",\"value\":\"false\"},"
            + "{\"key\":\"access_logs.s3.bucket\",\"value\":\"\"},{\"key\":\"deletion_protection.enabled\","
            + "\"value\":\"true\"}]";

    @TestHTTPResource("/")
    URI gateway;

    ElasticLoadBalancingV2Client elb;

    @BeforeEach
    void client() {
        ScriptedServices.reset();
        elb = ElbQueryApiTest.client(gateway, ACCOUNT);
    }

    @AfterEach
    void close() {
        elb.close();
    }

    @Test
    void load_balancer_attributes_are_modified_by_key_and_answered_all_of_them() {
        ScriptedServices.answer("GET /v1/load-balancers/web", 200, LB_JSON);
        ScriptedServices.answer("POST /v1/load-balancers/web/attributes", 200, ATTRIBUTES_JSON);

        var answered = elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(LB).attributes(
                LoadBalancerAttribute.builder().key("deletion_protection.enabled").value("true").build(),
                LoadBalancerAttribute.builder().key("zonal_shift.config.enabled").value("false").build())).attributes();

        assertThat(answered).extracting(LoadBalancerAttribute::key).containsExactly("access_logs.s3.enabled",
                "access_logs.s3.bucket", "deletion_protection.enabled");
        assertThat(answered).extracting(LoadBalancerAttribute::value).containsExactly("false", "", "true");
        assertThat(ScriptedServices.SEEN).last().satisfies(seen -> assertThat(seen.body()).isEqualTo(
                "{\"attributes\":[{\"key\":\"deletion_protection.enabled\",\"value\":\"true\"},"
                        + "{\"key\":\"zonal_shift.config.enabled\",\"value\":\"false\"}]}"));
    }

    @Test
    void load_balancer_attributes_are_described_and_a_gone_load_balancer_is_not_found() {
        ScriptedServices.answer("GET /v1/load-balancers/web", 200, LB_JSON);
        ScriptedServices.answer("GET /v1/load-balancers/web/attributes", 200, ATTRIBUTES_JSON);

        assertThat(elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(LB)).attributes())
                .extracting(LoadBalancerAttribute::key).contains("deletion_protection.enabled");

        ScriptedServices.answer("GET /v1/load-balancers/web", 404, "{\"status\":404,\"code\":\"LoadBalancerNotFound\","
                + "\"detail\":\"no load balancer named 'web'\",\"field\":\"name\"}");
        assertThatThrownBy(() -> elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(LB)))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LoadBalancerNotFound"));
    }

    @Test
    void a_key_network_service_does_not_recognize_comes_back_in_the_words_terraform_matches() {
        ScriptedServices.answer("GET /v1/load-balancers/web", 200, LB_JSON);
        ScriptedServices.answer("POST /v1/load-balancers/web/attributes", 400, "{\"status\":400,\"code\":"
                + "\"InvalidParameterValue\",\"detail\":\"attribute key 'secondary_ips.auto_assigned.per_subnet' is "
                + "not recognized\",\"field\":\"attributes[0].key\"}");

        assertThatThrownBy(() -> elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(LB).attributes(
                LoadBalancerAttribute.builder().key("secondary_ips.auto_assigned.per_subnet").value("1").build())))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "attribute key 'secondary_ips.auto_assigned.per_subnet' is not recognized");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }

    @Test
    void a_modify_without_attributes_or_with_a_bad_arn_asks_no_service() {
        assertThatThrownBy(() -> elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(LB)))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn("arn:aws:s3:::web")))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> elb.describeListenerAttributes(r -> r.listenerArn(LB)))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThat(ScriptedServices.SEEN).isEmpty();
    }

    @Test
    void listener_attributes_go_to_the_listener_on_its_port() {
        ScriptedServices.answer("GET /v1/load-balancers/web", 200, LB_JSON);
        ScriptedServices.answer("GET /v1/load-balancers/web/listeners", 200, LISTENERS_JSON);
        String idle = "[{\"key\":\"tcp.idle_timeout.seconds\",\"value\":\"350\"}]";
        ScriptedServices.answer("GET /v1/load-balancers/web/listeners/443/attributes", 200, idle);
        ScriptedServices.answer("POST /v1/load-balancers/web/listeners/443/attributes", 200, idle);

        assertThat(elb.describeListenerAttributes(r -> r.listenerArn(LISTENER)).attributes()).singleElement()
                .satisfies(a -> {
                    assertThat(a.key()).isEqualTo("tcp.idle_timeout.seconds");
                    assertThat(a.value()).isEqualTo("350");
                });
        assertThat(elb.modifyListenerAttributes(r -> r.listenerArn(LISTENER).attributes(ListenerAttribute.builder()
                .key("tcp.idle_timeout.seconds").value("350").build())).attributes()).hasSize(1);
        assertThat(ScriptedServices.SEEN).last().satisfies(seen -> {
            assertThat(seen.uri()).isEqualTo("/v1/load-balancers/web/listeners/443/attributes");
            assertThat(seen.body()).isEqualTo("{\"attributes\":[{\"key\":\"tcp.idle_timeout.seconds\",\"value\":\"350\"}]}");
        });
        assertThatThrownBy(() -> elb.describeListenerAttributes(r -> r.listenerArn(LISTENER.replace("fedc", "0000"))))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ListenerNotFound"));
    }

    @Test
    void listeners_are_tagged_described_and_made_with_tags() {
        ScriptedServices.answer("GET /v1/load-balancers", 200, "[" + LB_JSON + "]");
        ScriptedServices.answer("GET /v1/load-balancers/web", 200, LB_JSON);
        ScriptedServices.answer("GET /v1/load-balancers/web/listeners", 200, LISTENERS_JSON);
        ScriptedServices.answer("GET /v1/tags", 200, "[{\"resourceId\":\"" + LISTENER + "\",\"resourceType\":"
                + "\"listener\",\"tags\":[{\"key\":\"team\",\"value\":\"blue\"}]}]");

        var described = elb.describeTags(r -> r.resourceArns(LISTENER, LB)).tagDescriptions();
        assertThat(described).extracting(d -> d.resourceArn()).containsExactly(LISTENER, LB);
        assertThat(described.getFirst().tags()).extracting(Tag::key).containsExactly("team");
        assertThat(described.get(1).tags()).isEmpty();
        assertThatThrownBy(() -> elb.describeTags(r -> r.resourceArns(LISTENER.replace("fedc", "0000"))))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ListenerNotFound"));

        ScriptedServices.answer("POST /v1/tags", 204, "");
        elb.addTags(r -> r.resourceArns(LISTENER).tags(t -> t.key("env").value("dev")));
        assertThat(ScriptedServices.SEEN).last().satisfies(seen -> assertThat(seen.body())
                .isEqualTo("{\"resourceIds\":[\"" + LISTENER + "\"],\"tags\":[{\"key\":\"env\",\"value\":\"dev\"}]}"));

        ScriptedServices.answer("POST /v1/load-balancers/web/listeners", 201, LISTENERS_JSON.substring(1,
                LISTENERS_JSON.length() - 1));
        elb.createListener(r -> r.loadBalancerArn(LB).protocol(ProtocolEnum.TCP).port(443)
                .defaultActions(a -> a.type("forward").targetGroupArn(GROUP))
                .tags(Tag.builder().key("team").value("blue").build()));
        assertThat(ScriptedServices.SEEN).last().satisfies(seen -> assertThat(seen.body()).isEqualTo(
                "{\"protocol\":\"TCP\",\"port\":443,\"targetGroupArn\":\"" + GROUP + "\",\"tags\":[{\"key\":\"team\","
                        + "\"value\":\"blue\"}]}"));
    }
}
