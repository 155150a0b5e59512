package dev.privet.gateway.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The Query protocol itself, request by request as a client puts it on the wire: Signature V4 as the AWS CLI signs,
 * and every malformed request answered with AWS's error XML, reaching no service.
 */
@QuarkusTest
@QuarkusTestResource(value = ScriptedServices.class, restrictToAnnotatedClass = true)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class QueryProtocolTest {
    static final String ACCOUNT = "111122223333";

    @TestHTTPResource("/")
    URI gateway;

    @BeforeEach
    void reset() {
        ScriptedServices.reset();
    }

    ValidatableResponse post(String body) {
        return post(body, ACCOUNT, "test", "us-east-1", "ec2", Instant.now());
    }

    ValidatableResponse post(String body, String key, String secret, String region, String service, Instant at) {
        return given().headers(CliSignature.sign(gateway, body, key, secret, region, service, at))
                .contentType(CliSignature.FORM).body(body).post("/").then();
    }

    static void ec2Error(ValidatableResponse response, int status, String code) {
        response.statusCode(status).contentType(startsWith("text/xml"))
                .body("Response.Errors.Error.Code", equalTo(code))
                .body("Response.RequestID", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString()));
    }

    @Test
    void a_request_signed_as_the_cli_signs_is_accepted() {
        post("Action=DescribeVpcs&Version=2016-11-15").statusCode(200)
                .body("DescribeVpcsResponse.requestId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString()));
        assertThat(ScriptedServices.SEEN).extracting(ScriptedServices.Seen::account).containsExactly(ACCOUNT);
    }

    @Test
    void an_unsigned_request_is_missing_its_token() {
        ec2Error(given().contentType(CliSignature.FORM).body("Action=DescribeVpcs&Version=2016-11-15").post("/").then(),
                401, "MissingAuthenticationToken");
        ec2Error(given().get("/?Action=DescribeVpcs&Version=2016-11-15").then(), 401, "MissingAuthenticationToken");
    }

    @Test
    void a_request_signed_more_than_fifteen_minutes_ago_has_expired() {
        ec2Error(post("Action=DescribeVpcs&Version=2016-11-15", ACCOUNT, "test", "us-east-1", "ec2",
                Instant.now().minus(Duration.ofMinutes(16))), 400, "RequestExpired");
    }

    @Test
    void a_request_scoped_to_another_region_or_service_does_not_match() {
        ec2Error(post("Action=DescribeVpcs&Version=2016-11-15", ACCOUNT, "test", "eu-west-1", "ec2", Instant.now()),
                403, "SignatureDoesNotMatch");
        ec2Error(post("Action=DescribeVpcs&Version=2016-11-15", ACCOUNT, "test", "us-east-1", "s3", Instant.now()),
                403, "SignatureDoesNotMatch");
    }

    @Test
    void a_body_changed_after_signing_does_not_match() {
        var headers = CliSignature.sign(gateway, "Action=DescribeVpcs&Version=2016-11-15", ACCOUNT, "test",
                "us-east-1", "ec2", Instant.now());
        ec2Error(given().headers(headers).contentType(CliSignature.FORM)
                .body("Action=DescribeSubnets&Version=2016-11-15").post("/").then(), 403, "SignatureDoesNotMatch");
        assertThat(ScriptedServices.SEEN).isEmpty();
    }

    @Test
    void malformed_requests_get_aws_errors_and_reach_no_service() {
        ec2Error(post("Version=2016-11-15"), 400, "MissingParameter");
        ec2Error(post("Action=DescribeVpcs"), 400, "MissingParameter");
        ec2Error(post("Action=DescribeVpcs&Version=2014-01-01"), 400, "InvalidParameterValue");
        ec2Error(post("Action=LaunchRockets&Version=2016-11-15"), 400, "InvalidAction");
        ec2Error(post("Action=CreateVpc&Version=2016-11-15"), 400, "MissingParameter");
        ec2Error(post("Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0/16&Colour=blue"), 400,
                "UnknownParameter");
        ec2Error(post("Action=DescribeVpcs&Version=2016-11-15&VpcId.0=vpc-00000000000000001"), 400,
                "InvalidParameterValue");
        ec2Error(post("Action=DescribeVpcs&Version=2016-11-15&VpcId.x=vpc-00000000000000001"), 400,
                "InvalidParameterValue");
        ec2Error(post("Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=colour&Filter.1.Value.1=blue"), 400,
                "InvalidParameterValue");
        ec2Error(post("Action=DescribeVpcs&Version=2016-11-15&MaxResults=4"), 400, "InvalidParameterValue");
        ec2Error(post("Action=DescribeVpcs&Version=2016-11-15&NextToken=%25%25"), 400, "InvalidNextToken");
        ec2Error(post("Action=DescribeVpcs&Version=2016-11-15&DryRun=maybe"), 400, "InvalidParameterValue");
        ec2Error(post("Action=DescribeVpcs&Version=2016-11-15&Action=CreateVpc"), 400, "InvalidParameterValue");
        ec2Error(post("Action=DescribeVpcs&Version=2016-11-15&x=%zz"), 400, "MalformedQueryString");
        assertThat(ScriptedServices.SEEN).isEmpty();
    }

    @Test
    void a_malformed_credential_scope_or_client_token_is_refused_not_a_failure() {
        var headers = new java.util.HashMap<>(CliSignature.sign(gateway, "Action=DescribeVpcs&Version=2016-11-15",
                ACCOUNT, "test", "us-east-1", "ec2", Instant.now()));
        headers.put("Authorization", headers.get("Authorization").replace("/us-east-1/", "//"));
        ec2Error(given().headers(headers).contentType(CliSignature.FORM).body("Action=DescribeVpcs&Version=2016-11-15")
                .post("/").then(), 400, "IncompleteSignature");
        String endpoint = "Action=CreateVpcEndpoint&Version=2016-11-15&VpcId=vpc-00000000000000001&ServiceName=x";
        ec2Error(post(endpoint + "&ClientToken=" + "t".repeat(65)), 400, "InvalidParameterValue");
        ec2Error(post(endpoint + "&ClientToken=a%0Ab"), 400, "InvalidParameterValue");
        assertThat(ScriptedServices.SEEN).isEmpty();
    }

    @Test
    void a_client_value_echoed_in_an_error_keeps_the_document_readable() {
        post("Action=Describe%01Vpcs&Version=2016-11-15").statusCode(400)
                .body("Response.Errors.Error.Code", equalTo("InvalidAction"))
                .body("Response.Errors.Error.Message", containsString("Describe\uFFFDVpcs"));
    }

    @Test
    void a_body_over_the_limit_is_refused_whole() {
        String body = "Action=CreateVpc&Version=2016-11-15&CidrBlock=" + "1".repeat(QueryApiRoutes.MAX_BODY_BYTES);
        ec2Error(given().contentType(CliSignature.FORM).body(body).post("/").then(), 413, "RequestEntityTooLarge");
        assertThat(ScriptedServices.SEEN).isEmpty();
    }

    @Test
    void elastic_load_balancing_answers_in_its_own_error_shape() {
        post("Action=DescribeRules&Version=2015-12-01", ACCOUNT, "test", "us-east-1", "elasticloadbalancing",
                Instant.now()).statusCode(400).contentType(startsWith("text/xml"))
                .body("ErrorResponse.Error.Code", equalTo("InvalidAction"))
                .body("ErrorResponse.Error.Type", equalTo("Sender"))
                .body("ErrorResponse.Error.Message", containsString("DescribeRules"));
        post("Action=DescribeLoadBalancers&Version=2015-12-01&PageSize=0", ACCOUNT, "test", "us-east-1",
                "elasticloadbalancing", Instant.now()).statusCode(400)
                .body("ErrorResponse.Error.Code", equalTo("ValidationError"));
        post("Action=DescribeLoadBalancers&Version=2015-12-01&DryRun=true", ACCOUNT, "test", "us-east-1",
                "elasticloadbalancing", Instant.now()).statusCode(400)
                .body("ErrorResponse.Error.Code", equalTo("UnknownParameter"));
    }
}
