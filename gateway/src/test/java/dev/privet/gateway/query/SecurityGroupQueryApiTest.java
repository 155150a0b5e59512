package dev.privet.gateway.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;

/**
 * The EC2 security group actions as the AWS SDK for Java sends and reads them, in front of scripted services: one
 * rule per peer to network-service, permissions grouped back by protocol and ports, and every parameter error before
 * any call.
 */
@QuarkusTest
@QuarkusTestResource(value = ScriptedServices.class, restrictToAnnotatedClass = true)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SecurityGroupQueryApiTest {
    static final String ACCOUNT = "111122223333";
    static final String VPC = "vpc-0123456789abcdef0";
    static final String WEB = "sg-0123456789abcdef0";
    static final String DEFAULT = "sg-0123456789abcdef1";
    static final String SSH = "{\"securityGroupRuleId\":\"sgr-00000000000000001\",\"egress\":false,"
            + "\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,\"cidrIpv4\":\"10.0.0.0/8\","
            + "\"description\":\"office\"}";
    static final String SSH_TOO = "{\"securityGroupRuleId\":\"sgr-00000000000000002\",\"egress\":false,"
            + "\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,\"cidrIpv4\":\"192.168.0.0/16\"}";
    static final String FROM_DEFAULT = "{\"securityGroupRuleId\":\"sgr-00000000000000003\",\"egress\":false,"
            + "\"ipProtocol\":\"-1\",\"referencedGroupId\":\"" + DEFAULT + "\"}";
    static final String OUT_ALL = "{\"securityGroupRuleId\":\"sgr-00000000000000004\",\"egress\":true,"
            + "\"ipProtocol\":\"-1\",\"cidrIpv4\":\"0.0.0.0/0\"}";

    @TestHTTPResource("/")
    URI gateway;

    Ec2Client ec2;

    @BeforeEach
    void client() {
        ScriptedServices.reset();
        ec2 = Ec2Client.builder().endpointOverride(gateway).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCOUNT, "test")))
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void close() {
        ec2.close();
    }

    static String group(String id, String name, String ingress, String egress, String tags) {
        return "{\"groupId\":\"" + id + "\",\"groupName\":\"" + name + "\",\"description\":\"the " + name
                + " group\",\"vpcId\":\"" + VPC + "\",\"ownerId\":\"" + ACCOUNT + "\",\"isDefault\":"
                + name.equals("default") + ",\"ingressRules\":[" + ingress + "],\"egressRules\":[" + egress
                + "],\"tags\":[" + tags + "]}";
    }

    static final String GROUPS = "[" + group(WEB, "web", SSH + "," + FROM_DEFAULT + "," + SSH_TOO, OUT_ALL,
            "{\"key\":\"team\",\"value\":\"blue\"}") + "," + group(DEFAULT, "default", "", OUT_ALL, "") + "]";

    ValidatableResponse signedPost(String body) {
        return given().headers(CliSignature.sign(gateway, body, ACCOUNT, "test", "us-east-1", "ec2", Instant.now()))
                .contentType(CliSignature.FORM).body(body).post("/").then();
    }

    static void refused(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Ec2Exception.class, e ->
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code));
    }

    @Test
    void a_group_is_created_in_its_vpc_with_its_tags_and_answers_its_id() {
        ScriptedServices.answer("POST /v1/security-groups", 201, group(WEB, "web", "", OUT_ALL,
                "{\"key\":\"team\",\"value\":\"blue\"}"));

        var created = ec2.createSecurityGroup(r -> r.groupName("web").description("the web group").vpcId(VPC)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SECURITY_GROUP)
                        .tags(Tag.builder().key("team").value("blue").build()).build()));

        assertThat(created.groupId()).isEqualTo(WEB);
        assertThat(created.securityGroupArn()).isEqualTo("arn:aws:ec2:us-east-1:" + ACCOUNT + ":security-group/" + WEB);
        assertThat(created.tags()).containsExactly(Tag.builder().key("team").value("blue").build());
        assertThat(ScriptedServices.SEEN).singleElement().satisfies(seen -> assertThat(seen.body()).isEqualTo(
                "{\"groupName\":\"web\",\"description\":\"the web group\",\"vpcId\":\"" + VPC + "\","
                        + "\"tags\":[{\"key\":\"team\",\"value\":\"blue\"}]}"));
    }

    @Test
    void a_describe_groups_rules_into_permissions_by_protocol_and_ports_and_filters_them() {
        ScriptedServices.answer("GET /v1/security-groups", 200, GROUPS);

        List<SecurityGroup> all = ec2.describeSecurityGroups().securityGroups();
        var byCidr = ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("ip-permission.cidr")
                .values("192.168.*").build())).securityGroups();
        var byName = ec2.describeSecurityGroups(r -> r.groupNames("default")).securityGroups();
        var byTag = ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("tag:team").values("blue")
                .build(), Filter.builder().name("vpc-id").values(VPC).build())).securityGroups();

        assertThat(all).extracting(SecurityGroup::groupId).containsExactly(WEB, DEFAULT);
        SecurityGroup web = all.getFirst();
        assertThat(web.groupName()).isEqualTo("web");
        assertThat(web.description()).isEqualTo("the web group");
        assertThat(web.vpcId()).isEqualTo(VPC);
        assertThat(web.ownerId()).isEqualTo(ACCOUNT);
        assertThat(web.ipPermissions()).extracting(IpPermission::ipProtocol, IpPermission::fromPort,
                IpPermission::toPort).containsExactly(tuple("tcp", 22, 22), tuple("-1", null, null));
        assertThat(web.ipPermissions().getFirst().ipRanges()).extracting(IpRange::cidrIp, IpRange::description)
                .containsExactly(tuple("10.0.0.0/8", "office"), tuple("192.168.0.0/16", null));
        assertThat(web.ipPermissions().get(1).userIdGroupPairs()).extracting(UserIdGroupPair::groupId,
                UserIdGroupPair::userId).containsExactly(tuple(DEFAULT, ACCOUNT));
        assertThat(web.ipPermissionsEgress()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).isEqualTo("-1");
            assertThat(p.ipRanges()).extracting(IpRange::cidrIp).containsExactly("0.0.0.0/0");
        });
        assertThat(web.tags()).containsExactly(Tag.builder().key("team").value("blue").build());
        assertThat(byCidr).extracting(SecurityGroup::groupId).containsExactly(WEB);
        assertThat(byName).extracting(SecurityGroup::groupId).containsExactly(DEFAULT);
        assertThat(byTag).extracting(SecurityGroup::groupId).containsExactly(WEB);
        refused(() -> ec2.describeSecurityGroups(r -> r.groupIds("sg-00000000000000009")), "InvalidGroup.NotFound");
        refused(() -> ec2.describeSecurityGroups(r -> r.groupIds("sg-nope")), "InvalidGroupId.Malformed");
        refused(() -> ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("ip-permission.ipv6-cidr")
                .values("::/0").build())), "InvalidParameterValue");
    }

    @Test
    void an_authorization_sends_one_rule_per_peer_and_answers_the_rules_made() {
        ScriptedServices.answer("POST /v1/security-groups/" + WEB + "/ingress", 200, "[" + SSH + "," + SSH_TOO + ","
                + FROM_DEFAULT.replace("\"-1\"", "\"tcp\"").replace("}", ",\"fromPort\":22,\"toPort\":22}") + "]");

        var answer = ec2.authorizeSecurityGroupIngress(r -> r.groupId(WEB).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(22).toPort(22)
                .ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").description("office").build(),
                        IpRange.builder().cidrIp("192.168.0.0/16").build())
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(DEFAULT).build()).build()));

        assertThat(answer.returnValue()).isTrue();
        assertThat(answer.securityGroupRules()).extracting(SecurityGroupRule::securityGroupRuleId,
                SecurityGroupRule::groupId, SecurityGroupRule::isEgress, SecurityGroupRule::cidrIpv4)
                .containsExactly(tuple("sgr-00000000000000001", WEB, false, "10.0.0.0/8"),
                        tuple("sgr-00000000000000002", WEB, false, "192.168.0.0/16"),
                        tuple("sgr-00000000000000003", WEB, false, null));
        assertThat(answer.securityGroupRules().get(2).referencedGroupInfo().groupId()).isEqualTo(DEFAULT);
        assertThat(answer.securityGroupRules().getFirst().groupOwnerId()).isEqualTo(ACCOUNT);
        assertThat(ScriptedServices.SEEN).singleElement().satisfies(seen -> assertThat(seen.body()).isEqualTo(
                "{\"rules\":[{\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,\"description\":\"office\","
                        + "\"cidrIpv4\":\"10.0.0.0/8\"},{\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,"
                        + "\"cidrIpv4\":\"192.168.0.0/16\"},{\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,"
                        + "\"referencedGroupId\":\"" + DEFAULT + "\"}]}"));
    }

    @Test
    void outbound_rules_go_to_egress_and_revocations_by_id_or_permission_answer_what_was_revoked() {
        ScriptedServices.answer("POST /v1/security-groups/" + WEB + "/egress", 200, "[" + OUT_ALL + "]");
        ScriptedServices.answer("POST /v1/security-groups/" + WEB + "/ingress/revocations", 200, "[" + SSH + "]");
        ScriptedServices.answer("POST /v1/security-groups/" + WEB + "/egress/revocations", 200, "[" + OUT_ALL + "]");

        var egress = ec2.authorizeSecurityGroupEgress(r -> r.groupId(WEB).ipPermissions(IpPermission.builder()
                .ipProtocol("-1").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
        var byId = ec2.revokeSecurityGroupIngress(r -> r.groupId(WEB).securityGroupRuleIds("sgr-00000000000000001"));
        var byPermission = ec2.revokeSecurityGroupEgress(r -> r.groupId(WEB).ipPermissions(IpPermission.builder()
                .ipProtocol("-1").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));

        assertThat(egress.securityGroupRules()).singleElement().satisfies(rule -> {
            assertThat(rule.isEgress()).isTrue();
            assertThat(rule.fromPort()).isEqualTo(-1);
            assertThat(rule.toPort()).isEqualTo(-1);
        });
        assertThat(byId.returnValue()).isTrue();
        assertThat(byId.revokedSecurityGroupRules()).singleElement().satisfies(rule -> {
            assertThat(rule.securityGroupRuleId()).isEqualTo("sgr-00000000000000001");
            assertThat(rule.fromPort()).isEqualTo(22);
            assertThat(rule.isEgress()).isFalse();
        });
        assertThat(byPermission.revokedSecurityGroupRules()).extracting(r -> r.securityGroupRuleId())
                .containsExactly("sgr-00000000000000004");
        assertThat(List.copyOf(ScriptedServices.SEEN)).extracting(ScriptedServices.Seen::body).containsExactly(
                "{\"rules\":[{\"ipProtocol\":\"-1\",\"cidrIpv4\":\"0.0.0.0/0\"}]}",
                "{\"rules\":[],\"securityGroupRuleIds\":[\"sgr-00000000000000001\"]}",
                "{\"rules\":[{\"ipProtocol\":\"-1\",\"cidrIpv4\":\"0.0.0.0/0\"}],\"securityGroupRuleIds\":[]}");
    }

    @Test
    void rules_are_described_one_by_one_with_their_groups() {
        ScriptedServices.answer("GET /v1/security-groups", 200, GROUPS);

        var all = ec2.describeSecurityGroupRules(r -> r.maxResults(5)).securityGroupRules();
        var ofDefault = ec2.describeSecurityGroupRules(r -> r.filters(Filter.builder().name("group-id")
                .values(DEFAULT).build())).securityGroupRules();

        assertThat(all).extracting(SecurityGroupRule::securityGroupRuleId).containsExactly("sgr-00000000000000001",
                "sgr-00000000000000002", "sgr-00000000000000003", "sgr-00000000000000004", "sgr-00000000000000004");
        assertThat(ofDefault).singleElement().satisfies(rule -> {
            assertThat(rule.groupId()).isEqualTo(DEFAULT);
            assertThat(rule.isEgress()).isTrue();
            assertThat(rule.cidrIpv4()).isEqualTo("0.0.0.0/0");
        });
        refused(() -> ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds("sgr-00000000000000009")),
                "InvalidSecurityGroupRuleId.NotFound");
    }

    @Test
    void a_deletion_answers_the_group_id_and_the_service_refusals_come_back_as_they_are() {
        ScriptedServices.answer("DELETE /v1/security-groups/" + WEB, 204, "");
        ScriptedServices.answer("DELETE /v1/security-groups/" + DEFAULT, 400, "{\"status\":400,\"code\":"
                + "\"CannotDelete\",\"detail\":\"the default group goes with its VPC\",\"field\":\"groupId\"}");
        ScriptedServices.answer("POST /v1/security-groups/" + WEB + "/ingress", 400, "{\"status\":400,\"code\":"
                + "\"InvalidPermission.Duplicate\",\"detail\":\"The specified rule already exists\"}");

        assertThat(ec2.deleteSecurityGroup(r -> r.groupId(WEB)).groupId()).isEqualTo(WEB);
        refused(() -> ec2.deleteSecurityGroup(r -> r.groupId(DEFAULT)), "CannotDelete");
        refused(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(WEB).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build())
                .build())), "InvalidPermission.Duplicate");
    }

    @Test
    void bad_parameters_are_refused_by_name_before_any_call() {
        IpPermission ssh = IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                .ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build();

        refused(() -> ec2.createSecurityGroup(r -> r.groupName("web").description("d")), "MissingParameter");
        refused(() -> ec2.createSecurityGroup(r -> r.groupName("web").description("d").vpcId(VPC)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.VPC)
                        .tags(Tag.builder().key("k").value("v").build()).build())), "InvalidParameterValue");
        refused(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(WEB)), "MissingParameter");
        refused(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId("sg-nope").ipPermissions(ssh)),
                "InvalidGroupId.Malformed");
        refused(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupName("web").ipPermissions(ssh)),
                "InvalidParameterValue");
        refused(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(WEB).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(22).toPort(22).build())), "MissingParameter");
        refused(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(WEB).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(22).toPort(22).ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build())
                .build())), "InvalidParameterValue");
        refused(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(WEB).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(22).toPort(22).userIdGroupPairs(UserIdGroupPair.builder()
                        .groupId(DEFAULT).userId("444455556666").build()).build())), "InvalidParameterValue");
        refused(() -> ec2.revokeSecurityGroupEgress(r -> r.groupId(WEB)), "MissingParameter");
        // what Terraform sends for every group it makes, after revoking the IPv4 default egress rule
        refused(() -> ec2.revokeSecurityGroupEgress(r -> r.groupId(WEB).ipPermissions(IpPermission.builder()
                .ipProtocol("-1").fromPort(0).toPort(0).ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build())
                .build())), "InvalidPermission.NotFound");
        refused(() -> ec2.deleteSecurityGroup(r -> r.groupName("web")), "InvalidParameterValue");
        refused(() -> ec2.deleteSecurityGroup(r -> r.groupId("sg-nope")), "InvalidGroupId.Malformed");
        signedPost("Action=AuthorizeSecurityGroupIngress&Version=2016-11-15&GroupId=" + WEB
                + "&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=ssh&IpPermissions.1.ToPort=22"
                + "&IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0/8").statusCode(400)
                .body(containsString("<Code>InvalidParameterValue</Code>"))
                .body(containsString("IpPermissions.1.FromPort"));
        signedPost("Action=AuthorizeSecurityGroupIngress&Version=2016-11-15&GroupId=" + WEB
                + "&IpProtocol=tcp&FromPort=22&ToPort=22&CidrIp=10.0.0.0/8").statusCode(400)
                .body(containsString("<Code>UnknownParameter</Code>"));
        assertThat(ScriptedServices.SEEN).isEmpty();
    }
}
