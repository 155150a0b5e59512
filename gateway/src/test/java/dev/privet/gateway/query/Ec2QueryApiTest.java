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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The EC2 Query API as the AWS SDK for Java sees it, in front of scripted services: what reaches the services, what
 * the SDK reads back, and the errors it gets. The SDK signs every request; its retries are off, so each call is one.
 */
@QuarkusTest
@QuarkusTestResource(value = ScriptedServices.class, restrictToAnnotatedClass = true)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class Ec2QueryApiTest {
    static final String ACCOUNT = "111122223333";

    @TestHTTPResource("/")
    URI gateway;

    Ec2Client ec2;

    @BeforeEach
    void client() {
        ScriptedServices.reset();
        ec2 = client(ACCOUNT, "test");
    }

    @AfterEach
    void close() {
        ec2.close();
    }

    Ec2Client client(String accessKey, String secret) {
        return Ec2Client.builder().endpointOverride(gateway).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    static String vpc(String id, String cidr) {
        return "{\"vpcId\":\"" + id + "\",\"cidrBlock\":\"" + cidr + "\",\"ownerId\":\"" + ACCOUNT
                + "\",\"region\":\"us-east-1\",\"state\":\"available\"}";
    }

    /** A form POST signed as the AWS CLI signs it, for parameters the SDK does not send. */
    ValidatableResponse signedPost(String body) {
        return given().headers(CliSignature.sign(gateway, body, ACCOUNT, "test", "us-east-1", "ec2", Instant.now()))
                .contentType(CliSignature.FORM).body(body).post("/").then();
    }

    @Test
    void a_signed_create_reaches_the_owning_service_as_the_signing_account_and_answers_in_aws_shape() {
        ScriptedServices.answer("POST /v1/vpcs", 201, vpc("vpc-0123456789abcdef0", "10.0.0.0/16"));

        Vpc created = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc();

        assertThat(created.vpcId()).isEqualTo("vpc-0123456789abcdef0");
        assertThat(created.stateAsString()).isEqualTo("available");
        assertThat(created.ownerId()).isEqualTo(ACCOUNT);
        assertThat(created.cidrBlockAssociationSet()).singleElement()
                .satisfies(a -> assertThat(a.cidrBlock()).isEqualTo("10.0.0.0/16"));
        assertThat(ScriptedServices.SEEN).singleElement().satisfies(seen -> {
            assertThat(seen.method()).isEqualTo("POST");
            assertThat(seen.uri()).isEqualTo("/v1/vpcs");
            assertThat(seen.account()).isEqualTo(ACCOUNT);
            assertThat(seen.body()).isEqualTo("{\"cidrBlock\":\"10.0.0.0/16\"}");
        });
    }

    @Test
    void describe_filters_and_pages_in_id_order() {
        String vpcs = IntStream.range(0, 7).mapToObj(i -> vpc("vpc-0000000000000000" + i, "10." + i + ".0.0/16"))
                .reduce((a, b) -> a + "," + b).orElseThrow();
        ScriptedServices.answer("GET /v1/vpcs", 200, "[" + vpcs + "]");

        var first = ec2.describeVpcs(r -> r.maxResults(5));
        var second = ec2.describeVpcs(r -> r.maxResults(5).nextToken(first.nextToken()));
        var filtered = ec2.describeVpcs(r -> r.filters(Filter.builder().name("cidr").values("10.3.*", "10.5.0.0/16")
                .build()));

        assertThat(first.vpcs()).extracting(Vpc::vpcId).hasSize(5).isSorted();
        assertThat(first.nextToken()).isNotBlank();
        assertThat(second.vpcs()).extracting(Vpc::vpcId)
                .containsExactly("vpc-00000000000000005", "vpc-00000000000000006");
        assertThat(second.nextToken()).isNull();
        assertThat(filtered.vpcs()).extracting(Vpc::vpcId)
                .containsExactly("vpc-00000000000000003", "vpc-00000000000000005");
    }

    @Test
    void describing_an_id_that_does_not_exist_is_aws_not_found() {
        ScriptedServices.answer("GET /v1/vpcs", 200, "[" + vpc("vpc-00000000000000001", "10.0.0.0/16") + "]");

        assertThatThrownBy(() -> ec2.describeVpcs(r -> r.vpcIds("vpc-00000000000000009")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcID.NotFound");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    @Test
    void a_service_refusal_comes_back_with_its_code_and_message() {
        ScriptedServices.answer("POST /v1/subnets", 404, "{\"status\":404,\"code\":\"InvalidVpcID.NotFound\","
                + "\"detail\":\"The vpc ID 'vpc-00000000000000001' does not exist\",\"field\":\"vpcId\"}");

        assertThatThrownBy(() -> ec2.createSubnet(r -> r.vpcId("vpc-00000000000000001").cidrBlock("10.0.1.0/24")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcID.NotFound");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("vpc-00000000000000001");
                });
        assertThat(ScriptedServices.SEEN).singleElement().satisfies(seen -> assertThat(seen.body())
                .contains("\"availabilityZone\":\"us-east-1a\""));
    }

    @Test
    void a_delete_answers_true_and_a_dependency_comes_back_as_aws_says_it() {
        ScriptedServices.answer("DELETE /v1/subnets/subnet-00000000000000001", 204, "");
        ScriptedServices.answer("DELETE /v1/vpcs/vpc-00000000000000001", 400, "{\"status\":400,"
                + "\"code\":\"DependencyViolation\",\"detail\":\"The vpc has dependencies\"}");

        assertThat(ec2.deleteSubnet(r -> r.subnetId("subnet-00000000000000001")).sdkHttpResponse().isSuccessful())
                .isTrue();
        assertThatThrownBy(() -> ec2.deleteVpc(r -> r.vpcId("vpc-00000000000000001")))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DependencyViolation"));
        assertThat(ScriptedServices.SEEN).extracting(ScriptedServices.Seen::method).containsExactly("DELETE", "DELETE");
    }

    @Test
    void a_vpcs_attributes_read_and_change_one_at_a_time_as_terraform_does() {
        String id = "vpc-00000000000000001";
        ScriptedServices.answer("GET /v1/vpcs/" + id, 200, vpc(id, "10.0.0.0/16").replace("}",
                ",\"attributes\":{\"enableDnsSupport\":true,\"enableDnsHostnames\":false,"
                        + "\"enableNetworkAddressUsageMetrics\":false}}"));
        ScriptedServices.answer("PATCH /v1/vpcs/" + id + "/attributes", 200, vpc(id, "10.0.0.0/16"));

        var support = ec2.describeVpcAttribute(r -> r.vpcId(id).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT));
        var hostnames = ec2.describeVpcAttribute(r -> r.vpcId(id).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES));
        var metrics = ec2.describeVpcAttribute(r -> r.vpcId(id)
                .attribute(VpcAttributeName.ENABLE_NETWORK_ADDRESS_USAGE_METRICS));
        ec2.modifyVpcAttribute(r -> r.vpcId(id).enableDnsHostnames(b -> b.value(true)));

        assertThat(support.vpcId()).isEqualTo(id);
        assertThat(support.enableDnsSupport().value()).isTrue();
        assertThat(hostnames.enableDnsHostnames().value()).isFalse();
        assertThat(metrics.enableNetworkAddressUsageMetrics().value()).isFalse();
        assertThat(ScriptedServices.SEEN).last().satisfies(seen -> {
            assertThat(seen.method()).isEqualTo("PATCH");
            assertThat(seen.uri()).isEqualTo("/v1/vpcs/" + id + "/attributes");
            assertThat(seen.body()).isEqualTo("{\"enableDnsHostnames\":true}");
        });
    }

    @Test
    void a_bad_vpc_attribute_request_is_refused_as_aws_refuses_it_and_reaches_no_service() {
        String id = "vpc-00000000000000001";
        signedPost("Action=ModifyVpcAttribute&Version=2016-11-15&VpcId=" + id
                + "&EnableDnsSupport.Value=true&EnableDnsHostnames.Value=true").statusCode(400)
                .body(containsString("<Code>InvalidParameterCombination</Code>"))
                .body(containsString("Fields for multiple attribute types specified: enableDnsSupport, enableDnsHostnames"));
        signedPost("Action=ModifyVpcAttribute&Version=2016-11-15&VpcId=" + id).statusCode(400)
                .body(containsString("<Code>InvalidParameterCombination</Code>"));
        signedPost("Action=ModifyVpcAttribute&Version=2016-11-15&VpcId=" + id + "&EnableDnsHostnames.Value=yes")
                .statusCode(400).body(containsString("<Code>InvalidParameterValue</Code>"));
        signedPost("Action=ModifyVpcAttribute&Version=2016-11-15&VpcId=vpc-1&EnableDnsHostnames.Value=true")
                .statusCode(400).body(containsString("<Code>InvalidVpcID.NotFound</Code>"));
        signedPost("Action=DescribeVpcAttribute&Version=2016-11-15&VpcId=" + id + "&Attribute=enableDnsResolution")
                .statusCode(400).body(containsString("<Code>InvalidParameterValue</Code>"));
        signedPost("Action=DescribeVpcAttribute&Version=2016-11-15&VpcId=" + id).statusCode(400)
                .body(containsString("<Code>MissingParameter</Code>"));
        assertThat(ScriptedServices.SEEN).isEmpty();
    }

    @Test
    void an_endpoints_interfaces_show_its_security_groups_and_are_found_by_them() {
        ScriptedServices.answer("GET /v1/subnets", 200, "[{\"subnetId\":\"subnet-00000000000000001\","
                + "\"vpcId\":\"vpc-00000000000000001\",\"availabilityZone\":\"us-east-1a\",\"ownerId\":\""
                + ACCOUNT + "\"}]");
        ScriptedServices.answer("GET /v1/network-interfaces", 200, "[{\"networkInterfaceId\":\"eni-00000000000000001\","
                + "\"subnetId\":\"subnet-00000000000000001\",\"vpcEndpointId\":\"vpce-00000000000000001\","
                + "\"privateIpAddress\":\"10.0.1.4\",\"securityGroupIds\":[\"sg-00000000000000001\","
                + "\"sg-00000000000000002\"]}]");
        ScriptedServices.answer("GET /v1/security-groups", 200, "[{\"groupId\":\"sg-00000000000000001\","
                + "\"groupName\":\"default\"},{\"groupId\":\"sg-00000000000000002\",\"groupName\":\"web\"}]");

        var all = ec2.describeNetworkInterfaces(r -> { }).networkInterfaces();
        var byGroup = ec2.describeNetworkInterfaces(r -> r.filters(Filter.builder().name("group-id")
                .values("sg-00000000000000002").build())).networkInterfaces();
        var byName = ec2.describeNetworkInterfaces(r -> r.filters(Filter.builder().name("group-name")
                .values("web").build())).networkInterfaces();
        var byOther = ec2.describeNetworkInterfaces(r -> r.filters(Filter.builder().name("group-id")
                .values("sg-00000000000000009").build())).networkInterfaces();

        assertThat(all).singleElement().satisfies(eni -> assertThat(eni.groups())
                .extracting(g -> tuple(g.groupId(), g.groupName()))
                .containsExactly(tuple("sg-00000000000000001", "default"), tuple("sg-00000000000000002", "web")));
        assertThat(byGroup).hasSize(1);
        assertThat(byName).hasSize(1);
        assertThat(byOther).isEmpty();
    }

    @Test
    void each_vpc_shows_awss_default_network_acl_on_all_its_subnets_as_terraform_asks_for_it() {
        ScriptedServices.answer("GET /v1/vpcs", 200, "[" + vpc("vpc-00000000000000001", "10.0.0.0/16") + ","
                + vpc("vpc-00000000000000002", "10.1.0.0/16") + "]");
        ScriptedServices.answer("GET /v1/subnets", 200, "[{\"subnetId\":\"subnet-00000000000000001\","
                + "\"vpcId\":\"vpc-00000000000000001\",\"availabilityZone\":\"us-east-1a\",\"ownerId\":\""
                + ACCOUNT + "\"}]");

        var acls = ec2.describeNetworkAcls(r -> r.filters(Filter.builder().name("default").values("true").build(),
                Filter.builder().name("vpc-id").values("vpc-00000000000000001").build())).networkAcls();
        var bySubnet = ec2.describeNetworkAcls(r -> r.filters(Filter.builder().name("association.subnet-id")
                .values("subnet-00000000000000001").build())).networkAcls();
        var again = ec2.describeNetworkAcls(r -> r.networkAclIds(acls.getFirst().networkAclId())).networkAcls();

        assertThat(acls).singleElement().satisfies(acl -> {
            assertThat(acl.networkAclId()).matches("acl-[0-9a-f]{17}");
            assertThat(acl.isDefault()).isTrue();
            assertThat(acl.vpcId()).isEqualTo("vpc-00000000000000001");
            assertThat(acl.ownerId()).isEqualTo(ACCOUNT);
            assertThat(acl.entries()).extracting(e -> tuple(e.ruleNumber(), e.ruleActionAsString(), e.egress(),
                    e.protocol(), e.cidrBlock())).containsExactlyInAnyOrder(
                    tuple(100, "allow", true, "-1", "0.0.0.0/0"), tuple(32767, "deny", true, "-1", "0.0.0.0/0"),
                    tuple(100, "allow", false, "-1", "0.0.0.0/0"), tuple(32767, "deny", false, "-1", "0.0.0.0/0"));
            assertThat(acl.associations()).singleElement().satisfies(a -> {
                assertThat(a.subnetId()).isEqualTo("subnet-00000000000000001");
                assertThat(a.networkAclAssociationId()).matches("aclassoc-[0-9a-f]{17}");
            });
        });
        assertThat(bySubnet).extracting(NetworkAcl::networkAclId).containsExactly(acls.getFirst().networkAclId());
        assertThat(again).extracting(NetworkAcl::networkAclId).containsExactly(acls.getFirst().networkAclId());
        assertThatThrownBy(() -> ec2.describeNetworkAcls(r -> r.networkAclIds("acl-00000000000000009")))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidNetworkAclID.NotFound"));
    }

    @Test
    void a_dry_run_answers_dry_run_operation_and_reaches_no_service() {
        assertThatThrownBy(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16").dryRun(true)))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DryRunOperation");
                    assertThat(e.statusCode()).isEqualTo(412);
                });
        assertThat(ScriptedServices.SEEN).isEmpty();
    }

    @Test
    void a_wrong_secret_does_not_match_and_an_unknown_key_is_refused() {
        try (Ec2Client wrongSecret = client(ACCOUNT, "not-the-secret");
             Ec2Client unknownKey = client("AKIAUNKNOWNKEY000000", "test")) {
            assertThatThrownBy(wrongSecret::describeVpcs).isInstanceOfSatisfying(Ec2Exception.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                assertThat(e.statusCode()).isEqualTo(403);
            });
            assertThatThrownBy(unknownKey::describeVpcs).isInstanceOfSatisfying(Ec2Exception.class, e ->
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
        assertThat(ScriptedServices.SEEN).isEmpty();
    }

    @Test
    void the_local_test_key_is_account_zero() {
        try (Ec2Client local = client("test", "test")) {
            local.describeVpcs();
        }
        assertThat(ScriptedServices.SEEN).extracting(ScriptedServices.Seen::account).containsExactly("000000000000");
    }

    @Test
    void an_account_with_a_configured_key_has_no_local_key() {
        try (Ec2Client local = client("999988887777", "test");
             Ec2Client configured = client("AKIAPRIVETTEST000001", "configured-secret")) {
            assertThatThrownBy(local::describeVpcs).isInstanceOfSatisfying(Ec2Exception.class, e ->
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
            configured.describeVpcs();
        }
        assertThat(ScriptedServices.SEEN).extracting(ScriptedServices.Seen::account).containsExactly("999988887777");
    }

    @Test
    void the_services_are_told_the_principal_of_the_key_the_root_of_a_local_one() {
        try (Ec2Client configured = client("AKIAPRIVETTEST000001", "configured-secret")) {
            configured.describeVpcs();
        }
        ec2.describeVpcs();

        assertThat(List.copyOf(ScriptedServices.SEEN)).extracting(ScriptedServices.Seen::principal)
                .containsExactly("arn:aws:iam::999988887777:user/ci", "arn:aws:iam::" + ACCOUNT + ":root");
    }

    @Test
    void a_create_the_sdk_retries_carries_its_invocation_id_as_idempotency_key() {
        ScriptedServices.answer("POST /v1/vpcs", 201, vpc("vpc-0123456789abcdef0", "10.0.0.0/16"));

        ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16"));

        assertThat(ScriptedServices.SEEN).singleElement().satisfies(seen ->
                assertThat(seen.idempotencyKey()).matches("sdk-invocation-[0-9a-f-]{36}"));
    }

    @Test
    void zones_are_the_regions_six() {
        var zones = ec2.describeAvailabilityZones().availabilityZones();

        assertThat(zones).extracting(z -> z.zoneName())
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f");
        assertThat(zones.getFirst().zoneId()).isEqualTo("use1-az1");
        assertThat(zones.getFirst().stateAsString()).isEqualTo("available");
    }

    @Test
    void an_endpoint_create_carries_the_client_token_as_idempotency_key_and_defaults_to_a_gateway_endpoint() {
        ScriptedServices.answer("POST /v1/vpc-endpoints", 201, "{\"vpcEndpointId\":\"vpce-0123456789abcdef0\","
                + "\"vpcEndpointType\":\"Interface\",\"vpcId\":\"vpc-00000000000000001\",\"serviceName\":\"x\","
                + "\"state\":\"pending\",\"subnetIds\":[\"subnet-00000000000000001\"],\"networkInterfaceIds\":[],"
                + "\"dnsEntries\":[],\"ownerId\":\"" + ACCOUNT + "\",\"creationTimestamp\":\"2026-12-01T12:00:00Z\"}");

        var endpoint = ec2.createVpcEndpoint(r -> r.vpcId("vpc-00000000000000001").serviceName("x")
                .subnetIds("subnet-00000000000000001").clientToken("token-1")).vpcEndpoint();

        assertThat(endpoint.vpcEndpointId()).isEqualTo("vpce-0123456789abcdef0");
        assertThat(endpoint.subnetIds()).containsExactly("subnet-00000000000000001");
        assertThat(ScriptedServices.SEEN).singleElement().satisfies(seen -> {
            assertThat(seen.idempotencyKey()).isEqualTo("token-1");
            assertThat(seen.body()).contains("\"vpcEndpointType\":\"Gateway\"");
        });
    }

    @Test
    void private_dns_cannot_be_enabled_on_an_endpoint_since_no_service_here_has_a_private_name() {
        assertThatThrownBy(() -> ec2.createVpcEndpoint(r -> r.vpcId("vpc-00000000000000001").serviceName("x")
                .vpcEndpointType("Interface").subnetIds("subnet-00000000000000001").privateDnsEnabled(true)))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("does not provide a private DNS name");
                });
        assertThat(ScriptedServices.SEEN).isEmpty();
    }

    @Test
    void a_gateway_endpoint_sends_its_route_tables_and_shows_them() {
        ScriptedServices.answer("POST /v1/vpc-endpoints", 201, "{\"vpcEndpointId\":\"vpce-0123456789abcdef0\","
                + "\"vpcEndpointType\":\"Gateway\",\"vpcId\":\"vpc-00000000000000001\","
                + "\"serviceName\":\"com.amazonaws.us-east-1.s3\",\"state\":\"pending\",\"subnetIds\":[],"
                + "\"routeTableIds\":[\"rtb-00000000000000001\"],\"networkInterfaceIds\":[],\"dnsEntries\":[],"
                + "\"ownerId\":\"" + ACCOUNT + "\",\"creationTimestamp\":\"2026-12-01T12:00:00Z\"}");

        var endpoint = ec2.createVpcEndpoint(r -> r.vpcId("vpc-00000000000000001")
                .serviceName("com.amazonaws.us-east-1.s3").routeTableIds("rtb-00000000000000001")).vpcEndpoint();

        assertThat(endpoint.vpcEndpointTypeAsString()).isEqualTo("Gateway");
        assertThat(endpoint.routeTableIds()).containsExactly("rtb-00000000000000001");
        assertThat(endpoint.subnetIds()).isEmpty();
        assertThat(ScriptedServices.SEEN).singleElement().satisfies(seen -> assertThat(seen.body())
                .contains("\"routeTableIds\":[\"rtb-00000000000000001\"]"));
    }

    @Test
    void modifying_an_endpoint_sends_its_changes_and_refuses_the_changes_not_supported_by_name() {
        ScriptedServices.answer("PATCH /v1/vpc-endpoints/vpce-0123456789abcdef0", 200, "{}");

        var result = ec2.modifyVpcEndpoint(r -> r.vpcEndpointId("vpce-0123456789abcdef0")
                .addSubnetIds("subnet-00000000000000002").removeSubnetIds("subnet-00000000000000001")
                .addSecurityGroupIds("sg-00000001").policyDocument("{}"));

        assertThat(result.returnValue()).isTrue();
        assertThat(ScriptedServices.SEEN).singleElement().satisfies(seen -> {
            assertThat(seen.method()).isEqualTo("PATCH");
            assertThat(seen.body()).isEqualTo("{\"addSubnetIds\":[\"subnet-00000000000000002\"],"
                    + "\"removeSubnetIds\":[\"subnet-00000000000000001\"],\"addSecurityGroupIds\":[\"sg-00000001\"],"
                    + "\"removeSecurityGroupIds\":[],\"resetPolicy\":false,\"addRouteTableIds\":[],"
                    + "\"removeRouteTableIds\":[],\"policyDocument\":\"{}\"}");
        });
        for (var refused : List.<Consumer<ModifyVpcEndpointRequest.Builder>>of(
                r -> r.privateDnsEnabled(true), r -> r.ipAddressType("dualstack"))) {
            assertThatThrownBy(() -> ec2.modifyVpcEndpoint(r -> refused.accept(r.vpcEndpointId("vpce-0123456789abcdef0")
                    .addSubnetIds("subnet-00000000000000002"))))
                    .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("is not supported yet");
                    });
        }
        assertThatThrownBy(() -> ec2.modifyVpcEndpoint(r -> r.vpcEndpointId("vpce-x").addSubnetIds("subnet-1")))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcEndpointId.Malformed"));
        assertThat(ScriptedServices.SEEN).hasSize(1);
    }

    @Test
    void deleting_endpoints_reports_each_one_that_could_not_be_deleted() {
        ScriptedServices.answer("DELETE /v1/vpc-endpoints/vpce-00000000000000002", 404, "{\"status\":404,"
                + "\"code\":\"InvalidVpcEndpointId.NotFound\",\"detail\":\"no such endpoint\"}");
        ScriptedServices.answer("DELETE /v1/vpc-endpoints/vpce-00000000000000001", 200, "{}");

        var result = ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds("vpce-00000000000000001", "vpce-00000000000000002"));

        assertThat(result.unsuccessful()).singleElement().satisfies(item -> {
            assertThat(item.resourceId()).isEqualTo("vpce-00000000000000002");
            assertThat(item.error().code()).isEqualTo("InvalidVpcEndpointId.NotFound");
        });
        assertThat(ScriptedServices.SEEN).hasSize(2);
    }

    @Test
    void a_malformed_endpoint_id_is_refused_before_any_delete() {
        assertThatThrownBy(() -> ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds("vpce-00000000000000001", "vpce-x")))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcEndpointId.Malformed"));
        assertThat(ScriptedServices.SEEN).isEmpty();
    }

    @Test
    void deleting_service_configurations_reports_each_one_that_could_not_be_deleted_in_aws_terms() {
        ScriptedServices.answer("DELETE /v1/endpoint-services/vpce-svc-00000000000000001", 204, "");
        ScriptedServices.answer("DELETE /v1/endpoint-services/vpce-svc-00000000000000002", 404, "{\"status\":404,"
                + "\"code\":\"InvalidVpcEndpointServiceId.NotFound\",\"detail\":\"no such service\"}");
        ScriptedServices.answer("DELETE /v1/endpoint-services/vpce-svc-00000000000000003", 409, "{\"status\":409,"
                + "\"code\":\"ExistingVpcEndpointConnections\",\"detail\":\"Service has existing active VPC "
                + "Endpoint connections: 1 endpoint is available or pendingAcceptance\"}");

        var result = ec2.deleteVpcEndpointServiceConfigurations(r -> r.serviceIds("vpce-svc-00000000000000001",
                "vpce-svc-00000000000000002", "vpce-svc-00000000000000003", "vpce-svc-00000000000000001"));

        assertThat(result.unsuccessful()).hasSize(2);
        assertThat(result.unsuccessful().get(0)).satisfies(item -> {
            assertThat(item.resourceId()).isEqualTo("vpce-svc-00000000000000002");
            assertThat(item.error().code()).isEqualTo("InvalidVpcEndpointService.NotFound");
            assertThat(item.error().message())
                    .isEqualTo("The VpcEndpointService Id 'vpce-svc-00000000000000002' does not exist");
        });
        assertThat(result.unsuccessful().get(1)).satisfies(item -> {
            assertThat(item.resourceId()).isEqualTo("vpce-svc-00000000000000003");
            assertThat(item.error().code()).isEqualTo("ExistingVpcEndpointConnections");
            assertThat(item.error().message()).startsWith("Service has existing active VPC Endpoint connections");
        });
        assertThat(List.copyOf(ScriptedServices.SEEN)).extracting(ScriptedServices.Seen::uri).containsExactly(
                "/v1/endpoint-services/vpce-svc-00000000000000001", "/v1/endpoint-services/vpce-svc-00000000000000002",
                "/v1/endpoint-services/vpce-svc-00000000000000003"); // an id named twice is deleted once
        assertThat(ScriptedServices.SEEN).allSatisfy(seen -> {
            assertThat(seen.method()).isEqualTo("DELETE");
            assertThat(seen.account()).isEqualTo(ACCOUNT);
        });
    }

    @Test
    void a_malformed_or_missing_service_id_is_refused_before_any_delete() {
        assertThatThrownBy(() -> ec2.deleteVpcEndpointServiceConfigurations(r -> r.serviceIds(
                "vpce-svc-00000000000000001", "vpce-svc-x")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcEndpointServiceId.Malformed");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThatThrownBy(() -> ec2.deleteVpcEndpointServiceConfigurations(r -> { }))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingParameter"));
        assertThat(ScriptedServices.SEEN).isEmpty();
    }

    @Test
    void a_service_that_does_not_answer_fails_the_whole_delete_to_be_retried() {
        ScriptedServices.answer("DELETE /v1/endpoint-services/vpce-svc-00000000000000001", 503, "{\"status\":503,"
                + "\"code\":\"ServiceUnavailable\",\"detail\":\"busy\"}");

        assertThatThrownBy(() -> ec2.deleteVpcEndpointServiceConfigurations(r -> r.serviceIds(
                "vpce-svc-00000000000000001")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
                    assertThat(e.statusCode()).isEqualTo(503);
                });
    }

    @Test
    void accepting_and_rejecting_reach_the_service_and_report_what_it_left_as_it_was() {
        String connections = "/v1/endpoint-services/vpce-svc-0123456789abcdef0/connections/";
        ScriptedServices.answer("POST " + connections + "acceptances", 200, "{\"unsuccessful\":[{\"vpcEndpointId\":"
                + "\"vpce-00000000000000002\",\"code\":\"IncorrectState\",\"message\":\"The connection of "
                + "vpce-00000000000000002 is rejected: only a pendingAcceptance one can be accepted\"}]}");
        ScriptedServices.answer("POST " + connections + "rejections", 200, "{\"unsuccessful\":[]}");

        var accepted = ec2.acceptVpcEndpointConnections(r -> r.serviceId("vpce-svc-0123456789abcdef0")
                .vpcEndpointIds("vpce-00000000000000001", "vpce-00000000000000002"));
        var rejected = ec2.rejectVpcEndpointConnections(r -> r.serviceId("vpce-svc-0123456789abcdef0")
                .vpcEndpointIds("vpce-00000000000000001"));

        assertThat(accepted.unsuccessful()).singleElement().satisfies(item -> {
            assertThat(item.resourceId()).isEqualTo("vpce-00000000000000002");
            assertThat(item.error().code()).isEqualTo("IncorrectState");
            assertThat(item.error().message()).contains("is rejected");
        });
        assertThat(rejected.unsuccessful()).isEmpty();
        assertThat(List.copyOf(ScriptedServices.SEEN)).extracting(ScriptedServices.Seen::uri, ScriptedServices.Seen::body)
                .containsExactly(
                        tuple(connections + "acceptances",
                                "{\"vpcEndpointIds\":[\"vpce-00000000000000001\",\"vpce-00000000000000002\"]}"),
                        tuple(connections + "rejections", "{\"vpcEndpointIds\":[\"vpce-00000000000000001\"]}"));
    }

    @Test
    void a_rejection_may_carry_a_reason_and_bad_ids_are_refused_before_anything_is_sent() {
        ScriptedServices.answer("POST /v1/endpoint-services/vpce-svc-0123456789abcdef0/connections/rejections", 200,
                "{\"unsuccessful\":[]}");
        signedPost("Action=RejectVpcEndpointConnections&Version=2016-11-15&ServiceId=vpce-svc-0123456789abcdef0"
                + "&VpcEndpointId.1=vpce-00000000000000001&Reason=contract+ended").statusCode(200);
        assertThat(ScriptedServices.SEEN).singleElement().satisfies(seen -> assertThat(seen.body())
                .isEqualTo("{\"vpcEndpointIds\":[\"vpce-00000000000000001\"],\"reason\":\"contract ended\"}"));
        ScriptedServices.reset();

        assertThatThrownBy(() -> ec2.acceptVpcEndpointConnections(r -> r.serviceId("vpce-svc-0123456789abcdef0")
                .vpcEndpointIds("vpce-x")))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcEndpointId.Malformed"));
        assertThatThrownBy(() -> ec2.acceptVpcEndpointConnections(r -> r.serviceId("vpce-svc-0123456789abcdef0")))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingParameter"));
        assertThatThrownBy(() -> ec2.rejectVpcEndpointConnections(r -> r.serviceId("vpce-svc-x")
                .vpcEndpointIds("vpce-00000000000000001")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("InvalidVpcEndpointServiceId.Malformed"));
        signedPost("Action=AcceptVpcEndpointConnections&Version=2016-11-15&ServiceId=vpce-svc-0123456789abcdef0"
                + "&VpcEndpointId.1=vpce-00000000000000001&Reason=why").statusCode(400)
                .body("Response.Errors.Error.Code", equalTo("UnknownParameter"));
        assertThat(ScriptedServices.SEEN).isEmpty();
    }

    @Test
    void connections_of_the_callers_services_are_described_filtered_and_paged() {
        String connection = "{\"serviceId\":\"vpce-svc-0123456789abcdef0\",\"vpcEndpointId\":\"%s\","
                + "\"vpcEndpointOwner\":\"444455556666\",\"vpcEndpointState\":\"%s\",\"creationTimestamp\":"
                + "\"2026-12-01T10:00:00Z\",\"networkLoadBalancerArns\":[\"arn:aws:elasticloadbalancing:us-east-1:"
                + ACCOUNT + ":loadbalancer/net/web/0123456789abcdef\"]}";
        String six = IntStream.rangeClosed(1, 6).mapToObj(i -> connection.formatted("vpce-0000000000000000" + i,
                i == 1 ? "pendingAcceptance" : "available")).reduce((a, b) -> a + "," + b).orElseThrow();
        ScriptedServices.answer("GET /v1/endpoint-connections", 200, "[" + six + "]");

        var waiting = ec2.describeVpcEndpointConnections(r -> r.filters(Filter.builder().name("vpc-endpoint-state")
                .values("pendingAcceptance").build())).vpcEndpointConnections();
        var firstPage = ec2.describeVpcEndpointConnections(r -> r.maxResults(5));
        var all = ec2.describeVpcEndpointConnectionsPaginator(r -> r.maxResults(5)).vpcEndpointConnections().stream()
                .toList();

        assertThat(waiting).singleElement().satisfies(c -> {
            assertThat(c.vpcEndpointId()).isEqualTo("vpce-00000000000000001");
            assertThat(c.serviceId()).isEqualTo("vpce-svc-0123456789abcdef0");
            assertThat(c.vpcEndpointOwner()).isEqualTo("444455556666");
            assertThat(c.vpcEndpointStateAsString()).isEqualTo("pendingAcceptance");
            assertThat(c.creationTimestamp()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
            assertThat(c.networkLoadBalancerArns()).singleElement().asString().contains(":loadbalancer/net/web/");
            assertThat(c.vpcEndpointConnectionId()).matches("vpce-con-[0-9a-f]{17}");
            assertThat(c.vpcEndpointRegion()).isEqualTo("us-east-1");
        });
        assertThat(firstPage.vpcEndpointConnections()).hasSize(5);
        assertThat(firstPage.nextToken()).isNotBlank();
        assertThat(all).extracting(c -> c.vpcEndpointId()).containsExactly("vpce-00000000000000001",
                "vpce-00000000000000002", "vpce-00000000000000003", "vpce-00000000000000004", "vpce-00000000000000005",
                "vpce-00000000000000006");
        assertThatThrownBy(() -> ec2.describeVpcEndpointConnections(r -> r.filters(Filter.builder()
                .name("no-such-filter").values("x").build())))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
    }

    /** The catalog as consumer-service details it: AWS's s3 as both types and kms, and a provider's service. */
    static final String CATALOG = "[" + String.join(",",
            awsService("s3", "Gateway", "vpce-svc-0000000000000000a", "s3.us-east-1.amazonaws.com", null),
            awsService("s3", "Interface", "vpce-svc-0000000000000000b", "s3.us-east-1.vpce.amazonaws.com",
                    "s3.us-east-1.amazonaws.com"),
            awsService("kms", "Interface", "vpce-svc-0000000000000000c", "kms.us-east-1.vpce.amazonaws.com",
                    "kms.us-east-1.amazonaws.com"),
            "{\"serviceName\":\"com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0\",\"serviceId\":"
                    + "\"vpce-svc-0123456789abcdef0\",\"serviceType\":\"Interface\",\"serviceRegion\":\"us-east-1\","
                    + "\"owner\":\"" + ACCOUNT + "\",\"serviceState\":\"Available\",\"availabilityZones\":[],"
                    + "\"baseEndpointDnsNames\":[\"vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com\"],"
                    + "\"vpcEndpointPolicySupported\":false,\"acceptanceRequired\":true,\"managesVpcEndpoints\":false,"
                    + "\"payerResponsibility\":\"ServiceOwner\",\"supportedIpAddressTypes\":[\"ipv4\"]}") + "]";

    static String awsService(String service, String type, String id, String baseName, String privateName) {
        return "{\"serviceName\":\"com.amazonaws.us-east-1." + service + "\",\"serviceId\":\"" + id
                + "\",\"serviceType\":\"" + type + "\",\"serviceRegion\":\"us-east-1\",\"owner\":\"amazon\","
                + "\"serviceState\":\"Available\",\"availabilityZones\":[\"us-east-1a\",\"us-east-1b\"],"
                + "\"baseEndpointDnsNames\":[\"" + baseName + "\"],"
                + (privateName == null ? "" : "\"privateDnsName\":\"" + privateName
                        + "\",\"privateDnsNameVerificationState\":\"verified\",")
                + "\"vpcEndpointPolicySupported\":true,\"acceptanceRequired\":false,\"managesVpcEndpoints\":false,"
                + "\"payerResponsibility\":\"ServiceOwner\",\"supportedIpAddressTypes\":[\"ipv4\"]}";
    }

    static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    @Test
    void the_service_catalog_is_described_with_aws_service_details_s3_once_per_type() {
        ScriptedServices.answer("GET /v1/vpc-endpoint-services", 200, CATALOG);

        var catalog = ec2.describeVpcEndpointServices();

        assertThat(catalog.serviceNames()).as("each name once").containsExactly("com.amazonaws.us-east-1.kms",
                "com.amazonaws.us-east-1.s3", "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0");
        assertThat(catalog.serviceDetails()).extracting(d -> d.serviceName() + " " + d.serviceType().getFirst()
                .serviceTypeAsString()).containsExactly("com.amazonaws.us-east-1.kms Interface",
                "com.amazonaws.us-east-1.s3 Gateway", "com.amazonaws.us-east-1.s3 Interface",
                "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0 Interface");
        assertThat(catalog.serviceDetails().getFirst()).satisfies(kms -> {
            assertThat(kms.serviceId()).isEqualTo("vpce-svc-0000000000000000c");
            assertThat(kms.serviceRegion()).isEqualTo("us-east-1");
            assertThat(kms.owner()).isEqualTo("amazon");
            assertThat(kms.availabilityZones()).containsExactly("us-east-1a", "us-east-1b");
            assertThat(kms.availabilityZoneIds()).containsExactly("use1-az1", "use1-az2");
            assertThat(kms.baseEndpointDnsNames()).containsExactly("kms.us-east-1.vpce.amazonaws.com");
            assertThat(kms.privateDnsName()).isEqualTo("kms.us-east-1.amazonaws.com");
            assertThat(kms.privateDnsNames()).extracting(n -> n.privateDnsName())
                    .containsExactly("kms.us-east-1.amazonaws.com");
            assertThat(kms.privateDnsNameVerificationStateAsString()).isEqualTo("verified");
            assertThat(kms.vpcEndpointPolicySupported()).isTrue();
            assertThat(kms.acceptanceRequired()).isFalse();
            assertThat(kms.managesVpcEndpoints()).isFalse();
            assertThat(kms.payerResponsibilityAsString()).isEqualTo("ServiceOwner");
            assertThat(kms.supportedIpAddressTypesAsStrings()).containsExactly("ipv4");
            assertThat(kms.tags()).isEmpty();
        });
        assertThat(catalog.serviceDetails().get(1)).as("a Gateway service has no private DNS name").satisfies(s3 -> {
            assertThat(s3.privateDnsName()).isNull();
            assertThat(s3.privateDnsNames()).isEmpty();
            assertThat(s3.privateDnsNameVerificationState()).isNull();
        });
        assertThat(catalog.serviceDetails().getLast()).satisfies(provider -> {
            assertThat(provider.owner()).isEqualTo(ACCOUNT);
            assertThat(provider.acceptanceRequired()).isTrue();
            assertThat(provider.availabilityZones()).isEmpty();
        });
    }

    @Test
    void the_service_catalog_is_filtered_and_paged_without_splitting_s3() {
        ScriptedServices.answer("GET /v1/vpc-endpoint-services", 200, CATALOG);

        var gateways = ec2.describeVpcEndpointServices(r -> r.filters(filter("service-type", "Gateway")));
        var amazons = ec2.describeVpcEndpointServices(r -> r.filters(filter("owner", "amazon"),
                filter("service-name", "*.s3"), filter("service-region", "us-east-1"),
                filter("supported-ip-address-types", "ipv4")));
        var tagged = ec2.describeVpcEndpointServices(r -> r.filters(filter("tag-key", "team")));
        List<DescribeVpcEndpointServicesResponse> pages = new ArrayList<>();
        String token = null;
        do { // the SDK has no paginator for this action, though AWS pages it
            String from = token;
            pages.add(ec2.describeVpcEndpointServices(r -> r.maxResults(1).nextToken(from)));
            token = pages.getLast().nextToken();
        } while (token != null);

        assertThat(gateways.serviceDetails()).extracting(d -> d.serviceName())
                .containsExactly("com.amazonaws.us-east-1.s3");
        assertThat(amazons.serviceDetails()).extracting(d -> d.serviceType().getFirst().serviceTypeAsString())
                .containsExactly("Gateway", "Interface");
        assertThat(tagged.serviceDetails()).as("the catalog holds no tags").isEmpty();
        assertThat(pages).hasSize(4).allSatisfy(page -> assertThat(page.serviceDetails()).hasSize(1));
        assertThat(pages.stream().flatMap(p -> p.serviceDetails().stream()).map(d -> d.serviceId()))
                .containsExactly("vpce-svc-0000000000000000c", "vpce-svc-0000000000000000a",
                        "vpce-svc-0000000000000000b", "vpce-svc-0123456789abcdef0");
    }

    @Test
    void a_named_service_missing_from_the_catalog_is_asked_for_by_name_then_is_InvalidServiceName() {
        ScriptedServices.answer("GET /v1/vpc-endpoint-services", 200, CATALOG);

        var named = ec2.describeVpcEndpointServices(r -> r.serviceNames("com.amazonaws.us-east-1.s3"));
        assertThat(named.serviceDetails()).hasSize(2);
        assertThat(ScriptedServices.SEEN).extracting(ScriptedServices.Seen::uri)
                .containsExactly("/v1/vpc-endpoint-services");

        ScriptedServices.SEEN.clear();
        assertThatThrownBy(() -> ec2.describeVpcEndpointServices(r -> r.serviceNames("com.amazonaws.us-east-1.s3",
                "com.amazonaws.us-east-1.nope")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidServiceName");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("com.amazonaws.us-east-1.nope");
                });
        assertThat(ScriptedServices.SEEN).as("the miss is confirmed by name, then the catalog listed again")
                .extracting(ScriptedServices.Seen::uri).containsExactly("/v1/vpc-endpoint-services",
                        "/v1/vpc-endpoint-services?serviceName=com.amazonaws.us-east-1.nope",
                        "/v1/vpc-endpoint-services");
    }

    @Test
    void a_bad_filter_or_page_size_of_the_service_catalog_is_refused_naming_it_before_any_call() {
        assertThatThrownBy(() -> ec2.describeVpcEndpointServices(r -> r.filters(filter("service-state", "x"))))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("service-state")
                            .contains("service-type", "service-region", "tag:<key>");
                });
        for (int size : new int[] {0, 1001}) {
            assertThatThrownBy(() -> ec2.describeVpcEndpointServices(r -> r.maxResults(size)))
                    .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("MaxResults");
                    });
        }
        assertThat(ScriptedServices.SEEN).isEmpty();
    }

    @Test
    void modifying_a_service_changes_its_acceptance_and_refuses_by_name_what_it_cannot_change() {
        String service = "{\"serviceId\":\"vpce-svc-0123456789abcdef0\",\"acceptanceRequired\":false}";
        ScriptedServices.answer("PATCH /v1/endpoint-services/vpce-svc-0123456789abcdef0", 200, service);

        assertThat(ec2.modifyVpcEndpointServiceConfiguration(r -> r.serviceId("vpce-svc-0123456789abcdef0")
                .acceptanceRequired(false)).returnValue()).isTrue();
        assertThat(ScriptedServices.SEEN).singleElement().satisfies(seen -> {
            assertThat(seen.method()).isEqualTo("PATCH");
            assertThat(seen.body()).isEqualTo("{\"acceptanceRequired\":false}");
        });
        ScriptedServices.reset();

        assertThatThrownBy(() -> ec2.modifyVpcEndpointServiceConfiguration(r -> r.serviceId(
                "vpce-svc-0123456789abcdef0").acceptanceRequired(true).privateDnsName("api.example.com")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("PrivateDnsName");
                });
        assertThatThrownBy(() -> ec2.modifyVpcEndpointServiceConfiguration(r -> r.serviceId(
                "vpce-svc-0123456789abcdef0").addNetworkLoadBalancerArns("arn:aws:elasticloadbalancing:x")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("AddNetworkLoadBalancerArn"));
        assertThat(ScriptedServices.SEEN).isEmpty();
    }

    @Test
    void permissions_list_the_principals_with_their_types() {
        ScriptedServices.answer("GET /v1/endpoint-services/vpce-svc-0123456789abcdef0/permissions", 200,
                "{\"allowedPrincipals\":[{\"principal\":\"arn:aws:iam::444455556666:root\",\"principalType\":\"Account\"}]}");

        var allowed = ec2.describeVpcEndpointServicePermissions(r -> r.serviceId("vpce-svc-0123456789abcdef0"))
                .allowedPrincipals();

        assertThat(allowed).singleElement().satisfies(p -> {
            assertThat(p.principal()).isEqualTo("arn:aws:iam::444455556666:root");
            assertThat(p.principalTypeAsString()).isEqualTo("Account");
            assertThat(p.servicePermissionId()).matches("vpce-svc-perm-[0-9a-f]{17}");
        });
        assertThat(List.copyOf(ScriptedServices.SEEN)).extracting(ScriptedServices.Seen::uri)
                .containsExactly("/v1/endpoint-services/vpce-svc-0123456789abcdef0/permissions");
    }

    @Test
    void a_create_passes_its_tag_specification_and_a_describe_shows_and_filters_by_tags() {
        ScriptedServices.answer("POST /v1/vpcs", 201, vpc("vpc-0123456789abcdef0", "10.0.0.0/16"));
        ScriptedServices.answer("GET /v1/vpcs", 200, "[" + vpc("vpc-00000000000000001", "10.1.0.0/16")
                .replace("}", ",\"tags\":[{\"key\":\"env\",\"value\":\"prod\"}]}") + ","
                + vpc("vpc-00000000000000002", "10.2.0.0/16") + "]");

        ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16").tagSpecifications(TagSpecification.builder()
                .resourceType(ResourceType.VPC).tags(Tag.builder().key("Name").value("main").build(),
                        Tag.builder().key("empty").build()).build()));
        var byTag = ec2.describeVpcs(r -> r.filters(Filter.builder().name("tag:env").values("pr*").build())).vpcs();
        var byKey = ec2.describeVpcs(r -> r.filters(Filter.builder().name("tag-key").values("env").build())).vpcs();

        assertThat(ScriptedServices.SEEN.getFirst().body()).isEqualTo("{\"cidrBlock\":\"10.0.0.0/16\",\"tags\":"
                + "[{\"key\":\"Name\",\"value\":\"main\"},{\"key\":\"empty\",\"value\":\"\"}]}");
        assertThat(byTag).singleElement().satisfies(v -> {
            assertThat(v.vpcId()).isEqualTo("vpc-00000000000000001");
            assertThat(v.tags()).containsExactly(Tag.builder().key("env").value("prod").build());
        });
        assertThat(byKey).extracting(Vpc::vpcId).containsExactly("vpc-00000000000000001");
    }

    @Test
    void a_tag_specification_for_another_resource_type_is_refused_before_any_call() {
        assertThatThrownBy(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16").tagSpecifications(
                TagSpecification.builder().resourceType(ResourceType.SUBNET)
                        .tags(Tag.builder().key("Name").value("x").build()).build())))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
        assertThat(ScriptedServices.SEEN).isEmpty();
    }

    @Test
    void tags_on_resources_of_two_services_are_checked_in_both_before_either_changes() {
        ScriptedServices.answer("POST /v1/tags", 204, "");
        ec2.createTags(r -> r.resources("vpc-00000000000000001", "vpce-00000000000000002", "subnet-00000000000000003")
                .tags(Tag.builder().key("team").value("blue").build()));

        assertThat(List.copyOf(ScriptedServices.SEEN)).extracting(seen -> seen.uri() + " " + seen.body())
                .containsExactly( // consumer-service's part, then network-service's
                        "/v1/tags {\"resourceIds\":[\"vpce-00000000000000002\"],"
                                + "\"tags\":[{\"key\":\"team\",\"value\":\"blue\"}],\"validateOnly\":true}",
                        "/v1/tags {\"resourceIds\":[\"vpc-00000000000000001\",\"subnet-00000000000000003\"],"
                                + "\"tags\":[{\"key\":\"team\",\"value\":\"blue\"}],\"validateOnly\":true}",
                        "/v1/tags {\"resourceIds\":[\"vpce-00000000000000002\"],"
                                + "\"tags\":[{\"key\":\"team\",\"value\":\"blue\"}]}",
                        "/v1/tags {\"resourceIds\":[\"vpc-00000000000000001\",\"subnet-00000000000000003\"],"
                                + "\"tags\":[{\"key\":\"team\",\"value\":\"blue\"}]}");
    }

    @Test
    void a_refusal_of_one_service_in_the_check_changes_nothing_anywhere() {
        ScriptedServices.answer("POST /v1/tags", 404, "{\"status\":404,\"code\":\"InvalidVpcID.NotFound\","
                + "\"detail\":\"The vpc ID 'vpc-00000000000000001' does not exist\",\"field\":\"resourceIds[0]\"}");

        assertThatThrownBy(() -> ec2.createTags(r -> r.resources("vpc-00000000000000001", "vpce-00000000000000002")
                .tags(Tag.builder().key("team").value("blue").build())))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcID.NotFound"));
        assertThat(List.copyOf(ScriptedServices.SEEN)).singleElement()
                .satisfies(seen -> assertThat(seen.body()).contains("\"validateOnly\":true"));
    }

    @Test
    void delete_tags_without_values_removes_the_keys_whatever_their_values() {
        ScriptedServices.answer("POST /v1/tags/removals", 204, "");
        ec2.deleteTags(r -> r.resources("vpce-svc-00000000000000001").tags(Tag.builder().key("team").build()));

        assertThat(ScriptedServices.SEEN).singleElement().satisfies(seen -> {
            assertThat(seen.uri()).isEqualTo("/v1/tags/removals");
            assertThat(seen.body()).isEqualTo("{\"resourceIds\":[\"vpce-svc-00000000000000001\"],"
                    + "\"tags\":[{\"key\":\"team\"}]}");
        });
    }

    @Test
    void tags_on_an_id_of_no_known_kind_or_without_tags_are_refused() {
        assertThatThrownBy(() -> ec2.createTags(r -> r.resources("i-0123456789abcdef0")
                .tags(Tag.builder().key("team").value("blue").build())))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidID"));
        assertThatThrownBy(() -> ec2.createTags(r -> r.resources("vpc-00000000000000001")))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingParameter"));
        assertThat(ScriptedServices.SEEN).isEmpty();
    }

    // ---- route tables and prefix lists ----

    static final String MAIN_TABLE = "rtb-0000000000000000a";
    static final String TABLE = "rtb-0000000000000000b";
    static final String S3_LIST = "pl-0000000000000000c";

    /** A route table as network-service answers it: the local route first, then {@code routes}. */
    static String table(String id, boolean main, String routes, String associations, String tags) {
        return "{\"routeTableId\":\"" + id + "\",\"vpcId\":\"vpc-00000000000000001\",\"ownerId\":\"" + ACCOUNT
                + "\",\"main\":" + main + ",\"routes\":[{\"destinationCidrBlock\":\"10.0.0.0/16\",\"gatewayId\":"
                + "\"local\",\"origin\":\"CreateRouteTable\",\"state\":\"active\"}" + routes + "],\"associations\":["
                + associations + "],\"tags\":[" + tags + "]}";
    }

    static final String MAIN_JSON = table(MAIN_TABLE, true, "", "{\"associationId\":\"rtbassoc-0000000000000000a\","
            + "\"routeTableId\":\"" + MAIN_TABLE + "\",\"main\":true}", "");
    static final String TABLE_JSON = table(TABLE, false, ",{\"destinationPrefixListId\":\"" + S3_LIST + "\","
            + "\"networkInterfaceId\":\"eni-00000000000000001\",\"origin\":\"CreateRoute\",\"state\":\"blackhole\"}",
            "{\"associationId\":\"rtbassoc-0000000000000000b\",\"routeTableId\":\"" + TABLE + "\",\"subnetId\":"
                    + "\"subnet-00000000000000001\",\"main\":false}", "{\"key\":\"Name\",\"value\":\"private\"}");
    static final String PREFIX_LISTS = "[{\"prefixListId\":\"pl-0000000000000000d\",\"prefixListName\":"
            + "\"com.amazonaws.us-east-1.dynamodb\",\"cidrs\":[\"198.18.1.0/24\"]},{\"prefixListId\":\"" + S3_LIST
            + "\",\"prefixListName\":\"com.amazonaws.us-east-1.s3\",\"cidrs\":[\"198.18.0.0/24\",\"198.18.2.0/24\"]}]";

    @Test
    void a_route_table_is_created_with_its_tags_and_client_token_and_described_in_ec2s_shape() {
        ScriptedServices.answer("POST /v1/route-tables", 201, TABLE_JSON);
        ScriptedServices.answer("GET /v1/route-tables", 200, "[" + TABLE_JSON + "," + MAIN_JSON + "]");

        var created = ec2.createRouteTable(r -> r.vpcId("vpc-00000000000000001").clientToken("rtb-token")
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.ROUTE_TABLE)
                        .tags(Tag.builder().key("Name").value("private").build()).build()));
        var described = ec2.describeRouteTables().routeTables();

        assertThat(created.clientToken()).isEqualTo("rtb-token");
        assertThat(created.routeTable().routeTableId()).isEqualTo(TABLE);
        assertThat(ScriptedServices.SEEN.getFirst()).satisfies(seen -> {
            assertThat(seen.body()).isEqualTo("{\"vpcId\":\"vpc-00000000000000001\",\"tags\":[{\"key\":\"Name\","
                    + "\"value\":\"private\"}]}");
            assertThat(seen.idempotencyKey()).isEqualTo("rtb-token");
        });
        assertThat(described).extracting(RouteTable::routeTableId).containsExactly(MAIN_TABLE, TABLE);
        RouteTable main = described.getFirst();
        assertThat(main.vpcId()).isEqualTo("vpc-00000000000000001");
        assertThat(main.ownerId()).isEqualTo(ACCOUNT);
        assertThat(main.routes()).singleElement().satisfies(local -> {
            assertThat(local.destinationCidrBlock()).isEqualTo("10.0.0.0/16");
            assertThat(local.gatewayId()).isEqualTo("local");
            assertThat(local.stateAsString()).isEqualTo("active");
            assertThat(local.originAsString()).isEqualTo("CreateRouteTable");
        });
        assertThat(main.associations()).singleElement().satisfies(association -> {
            assertThat(association.main()).isTrue();
            assertThat(association.routeTableAssociationId()).isEqualTo("rtbassoc-0000000000000000a");
            assertThat(association.routeTableId()).isEqualTo(MAIN_TABLE);
            assertThat(association.subnetId()).isNull();
            assertThat(association.associationState().stateAsString()).isEqualTo("associated");
        });
        assertThat(main.propagatingVgws()).isEmpty();
        RouteTable other = described.getLast();
        assertThat(other.routes().getLast()).satisfies(route -> {
            assertThat(route.destinationPrefixListId()).isEqualTo(S3_LIST);
            assertThat(route.destinationCidrBlock()).isNull();
            assertThat(route.networkInterfaceId()).isEqualTo("eni-00000000000000001");
            assertThat(route.stateAsString()).isEqualTo("blackhole");
            assertThat(route.originAsString()).isEqualTo("CreateRoute");
        });
        assertThat(other.associations()).singleElement().satisfies(association -> {
            assertThat(association.main()).isFalse();
            assertThat(association.subnetId()).isEqualTo("subnet-00000000000000001");
        });
        assertThat(other.tags()).containsExactly(Tag.builder().key("Name").value("private").build());
    }

    @Test
    void route_tables_are_filtered_by_their_associations_routes_and_tags_and_paged() {
        List<String> more = IntStream.range(0, 5).mapToObj(i -> table("rtb-0000000000000001" + i, false, "", "", ""))
                .toList();
        ScriptedServices.answer("GET /v1/route-tables", 200, "[" + String.join(",", more) + "," + TABLE_JSON + ","
                + MAIN_JSON + "]");
        List<String> all = List.of(MAIN_TABLE, TABLE, "rtb-00000000000000010", "rtb-00000000000000011",
                "rtb-00000000000000012", "rtb-00000000000000013", "rtb-00000000000000014");
        record Case(String filter, String value, List<String> found) {
        }
        for (Case c : List.of(
                new Case("association.main", "true", List.of(MAIN_TABLE)),
                new Case("association.main", "false", List.of(TABLE)),
                new Case("association.subnet-id", "subnet-00000000000000001", List.of(TABLE)),
                new Case("association.route-table-association-id", "rtbassoc-0000000000000000a", List.of(MAIN_TABLE)),
                new Case("route.destination-prefix-list-id", S3_LIST, List.of(TABLE)),
                new Case("route.destination-cidr-block", "10.0.0.0/16", all),
                new Case("route.gateway-id", "local", all),
                new Case("route.state", "blackhole", List.of(TABLE)),
                new Case("route-table-id", TABLE, List.of(TABLE)),
                new Case("owner-id", "999988887777", List.of()),
                new Case("tag:Name", "priv*", List.of(TABLE)),
                new Case("tag-key", "Name", List.of(TABLE)))) {
            assertThat(ec2.describeRouteTables(r -> r.filters(filter("vpc-id", "vpc-00000000000000001"),
                    filter(c.filter(), c.value())))
                    .routeTables()).as(c.filter()).extracting(RouteTable::routeTableId)
                    .containsExactlyElementsOf(c.found());
        }
        var first = ec2.describeRouteTables(r -> r.maxResults(5));
        var second = ec2.describeRouteTables(r -> r.maxResults(5).nextToken(first.nextToken()));
        assertThat(first.routeTables()).hasSize(5).first().extracting(RouteTable::routeTableId).isEqualTo(MAIN_TABLE);
        assertThat(second.routeTables()).hasSize(2);
        assertThat(second.nextToken()).isNull();
        assertThat(ec2.describeRouteTables(r -> r.routeTableIds(TABLE)).routeTables()).hasSize(1);
        assertThatThrownBy(() -> ec2.describeRouteTables(r -> r.routeTableIds("rtb-00000000000000009")))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRouteTableID.NotFound"));
    }

    @Test
    void routes_and_associations_reach_the_table_with_every_destination_and_target_by_name() {
        String routes = "/v1/route-tables/" + TABLE + "/routes";
        ScriptedServices.answer("POST " + routes, 201, "{}");
        ScriptedServices.answer("DELETE " + routes, 204, "");
        ScriptedServices.answer("POST /v1/route-tables/" + TABLE + "/associations", 201, "{\"associationId\":"
                + "\"rtbassoc-0000000000000000b\",\"routeTableId\":\"" + TABLE + "\",\"subnetId\":"
                + "\"subnet-00000000000000001\",\"main\":false}");
        ScriptedServices.answer("DELETE /v1/route-table-associations/rtbassoc-0000000000000000b", 204, "");
        ScriptedServices.answer("DELETE /v1/route-tables/" + TABLE, 204, "");

        assertThat(ec2.createRoute(r -> r.routeTableId(TABLE).destinationCidrBlock("0.0.0.0/0")
                .networkInterfaceId("eni-00000000000000001")).returnValue()).isTrue();
        ec2.createRoute(r -> r.routeTableId(TABLE).destinationPrefixListId(S3_LIST).natGatewayId("nat-1")
                .transitGatewayId("tgw-1").gatewayId("igw-1"));
        ec2.deleteRoute(r -> r.routeTableId(TABLE).destinationCidrBlock("0.0.0.0/0"));
        ec2.deleteRoute(r -> r.routeTableId(TABLE).destinationPrefixListId(S3_LIST));
        var association = ec2.associateRouteTable(r -> r.routeTableId(TABLE).subnetId("subnet-00000000000000001"));
        ec2.disassociateRouteTable(r -> r.associationId("rtbassoc-0000000000000000b"));
        assertThat(ec2.deleteRouteTable(r -> r.routeTableId(TABLE)).sdkHttpResponse().isSuccessful()).isTrue();

        assertThat(association.associationId()).isEqualTo("rtbassoc-0000000000000000b");
        assertThat(association.associationState().stateAsString()).isEqualTo("associated");
        assertThat(List.copyOf(ScriptedServices.SEEN)).extracting(seen -> seen.method() + " " + seen.uri() + " "
                + seen.body()).containsExactly(
                "POST " + routes + " {\"destinationCidrBlock\":\"0.0.0.0/0\",\"networkInterfaceId\":"
                        + "\"eni-00000000000000001\"}",
                "POST " + routes + " {\"destinationPrefixListId\":\"" + S3_LIST + "\",\"gatewayId\":\"igw-1\","
                        + "\"natGatewayId\":\"nat-1\",\"transitGatewayId\":\"tgw-1\"}",
                "DELETE " + routes + "?destinationCidrBlock=0.0.0.0%2F0 ",
                "DELETE " + routes + "?destinationPrefixListId=" + S3_LIST + " ",
                "POST /v1/route-tables/" + TABLE + "/associations {\"subnetId\":\"subnet-00000000000000001\"}",
                "DELETE /v1/route-table-associations/rtbassoc-0000000000000000b ",
                "DELETE /v1/route-tables/" + TABLE + " ");
    }

    @Test
    void a_refused_route_comes_back_with_network_services_reason() {
        ScriptedServices.answer("POST /v1/route-tables/" + TABLE + "/routes", 400, "{\"status\":400,\"code\":"
                + "\"InvalidParameterValue\",\"field\":\"natGatewayId\",\"detail\":\"natGatewayId is not supported: "
                + "Privet has no internet/NAT/transit gateways\"}");

        assertThatThrownBy(() -> ec2.createRoute(r -> r.routeTableId(TABLE).destinationCidrBlock("0.0.0.0/0")
                .natGatewayId("nat-00000000000000001")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("no internet/NAT/transit gateways");
                });
    }

    @Test
    void bad_route_table_parameters_are_refused_before_any_call() {
        for (var malformed : List.<Runnable>of(
                () -> ec2.deleteRouteTable(r -> r.routeTableId("rtb-x")),
                () -> ec2.createRoute(r -> r.routeTableId("igw-1").destinationCidrBlock("0.0.0.0/0")),
                () -> ec2.associateRouteTable(r -> r.routeTableId("rtb-1").subnetId("subnet-00000000000000001")))) {
            assertThatThrownBy(malformed::run).isInstanceOfSatisfying(Ec2Exception.class, e ->
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRouteTableId.Malformed"));
        }
        assertThatThrownBy(() -> ec2.deleteRoute(r -> r.destinationCidrBlock("0.0.0.0/0")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingParameter");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("RouteTableId");
                });
        assertThatThrownBy(() -> ec2.disassociateRouteTable(r -> r.associationId("rtb-0000000000000000a")))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAssociationID.NotFound"));
        assertThatThrownBy(() -> ec2.createRouteTable(r -> r.vpcId("vpc-00000000000000001").tagSpecifications(
                TagSpecification.builder().resourceType(ResourceType.VPC).tags(Tag.builder().key("k").build())
                        .build())))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).contains("route-table"));
        assertThatThrownBy(() -> ec2.createRoute(r -> r.routeTableId(TABLE).destinationCidrBlock("0.0.0.0/0")
                .networkInterfaceId("eni-00000000000000001").dryRun(true)))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DryRunOperation"));
        assertThatThrownBy(() -> ec2.describeRouteTables(r -> r.maxResults(101)))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).contains("MaxResults"));
        assertThatThrownBy(() -> ec2.describeRouteTables(r -> r.filters(filter("route.instance-id", "i-1"))))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).contains("route.instance-id"));
        signedPost("Action=CreateRoute&Version=2016-11-15&RouteTableId=" + TABLE
                + "&DestinationCidrBlock=0.0.0.0%2F0&OdbNetworkArn=arn%3Aaws%3Aodb").statusCode(400)
                .body("Response.Errors.Error.Code", equalTo("UnknownParameter"));
        assertThat(ScriptedServices.SEEN).isEmpty();
    }

    @Test
    void prefix_lists_are_the_regions_managed_ones_owned_by_aws() {
        ScriptedServices.answer("GET /v1/prefix-lists", 200, PREFIX_LISTS);

        var lists = ec2.describePrefixLists().prefixLists();
        var managed = ec2.describeManagedPrefixLists(r -> { }).prefixLists();
        var s3 = ec2.describeManagedPrefixLists(r -> r.filters(filter("prefix-list-name", "*.s3"),
                filter("owner-id", "AWS"))).prefixLists();
        var entries = ec2.getManagedPrefixListEntries(r -> r.prefixListId(S3_LIST).maxResults(1));
        var rest = ec2.getManagedPrefixListEntries(r -> r.prefixListId(S3_LIST).nextToken(entries.nextToken()));

        assertThat(lists).extracting(l -> l.prefixListId() + " " + l.prefixListName() + " " + l.cidrs()).containsExactly(
                S3_LIST + " com.amazonaws.us-east-1.s3 [198.18.0.0/24, 198.18.2.0/24]",
                "pl-0000000000000000d com.amazonaws.us-east-1.dynamodb [198.18.1.0/24]");
        assertThat(managed).hasSize(2);
        assertThat(s3).singleElement().satisfies(list -> {
            assertThat(list.prefixListId()).isEqualTo(S3_LIST);
            assertThat(list.addressFamily()).isEqualTo("IPv4");
            assertThat(list.stateAsString()).isEqualTo("create-complete");
            assertThat(list.prefixListArn()).isEqualTo("arn:aws:ec2:us-east-1:aws:prefix-list/" + S3_LIST);
            assertThat(list.maxEntries()).isEqualTo(2);
            assertThat(list.version()).isEqualTo(1L);
            assertThat(list.ownerId()).isEqualTo("AWS");
            assertThat(list.tags()).isEmpty();
        });
        assertThat(entries.entries()).extracting(e -> e.cidr()).containsExactly("198.18.0.0/24");
        assertThat(rest.entries()).extracting(e -> e.cidr()).containsExactly("198.18.2.0/24");
        assertThat(rest.nextToken()).isNull();
        assertThat(ec2.describeManagedPrefixLists(r -> r.filters(filter("owner-id", ACCOUNT))).prefixLists())
                .as("no customer-managed list exists").isEmpty();
    }

    @Test
    void a_prefix_list_that_does_not_exist_or_a_version_it_does_not_have_is_refused() {
        ScriptedServices.answer("GET /v1/prefix-lists", 200, PREFIX_LISTS);

        for (var refused : List.<Runnable>of(
                () -> ec2.describePrefixLists(r -> r.prefixListIds("pl-00000000000000009")),
                () -> ec2.describeManagedPrefixLists(r -> r.prefixListIds("pl-00000000000000009")),
                () -> ec2.getManagedPrefixListEntries(r -> r.prefixListId("pl-00000000000000009")))) {
            assertThatThrownBy(refused::run).isInstanceOfSatisfying(Ec2Exception.class, e ->
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPrefixListID.NotFound"));
        }
        assertThatThrownBy(() -> ec2.getManagedPrefixListEntries(r -> r.prefixListId(S3_LIST).targetVersion(2L)))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).contains("version 1 only"));
        assertThatThrownBy(() -> ec2.describeManagedPrefixLists(r -> r.maxResults(101)))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).contains("MaxResults"));
    }
}
