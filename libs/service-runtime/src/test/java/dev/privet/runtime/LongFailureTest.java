package dev.privet.runtime;

import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.Topic;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.testkit.PrivetServiceTestResource;
import dev.privet.testkit.PublishedEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A poll that keeps failing for longer than the connector would wait for its acknowledgement (60 s by default, after
 * which its throttled strategy closes the consumer for good) is still applied once the failure passes, on the same
 * channel, without a restart; meanwhile readiness says it keeps failing. Its own topic and application.
 */
@QuarkusTest
@TestProfile(LongFailureTest.DnsTopic.class)
@WithTestResource(PrivetServiceTestResource.class)
class LongFailureTest {
    /** Longer than the connector's default wait for an acknowledgement. */
    private static final Duration OUTAGE = Duration.ofSeconds(65);

    /** The counting view reads the dns topic, which no other test of this module writes. */
    public static class DnsTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming." + CountingView.NAME + ".topics", Topic.DNS.topicName());
        }
    }

    @Inject
    DataSource dataSource;

    @AfterEach
    void recover() {
        CountingView.failing = false;
    }

    @Test
    void a_poll_failing_for_longer_than_the_connector_waits_is_applied_once_the_failure_passes() throws Exception {
        CountingView.firstFailureAt = 0;
        CountingView.failing = true;
        String endpoint = IdFormat.VPC_ENDPOINT.newId();
        PublishedEvents.onTestBroker().publish(new EndpointDnsRemoved(endpoint, IdFormat.ENDPOINT_SERVICE.newId()), 1,
                "111122223333");

        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(503).body(containsString("keeps failing")));
        // the outage goes on past the connector's own limit, counted from the first apply that failed
        long outageEnds = CountingView.firstFailureAt + OUTAGE.toNanos();
        Thread.sleep(Math.max(0, (outageEnds - System.nanoTime()) / 1_000_000));
        CountingView.failing = false;

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200).body("status", equalTo("UP")));
        await().atMost(Duration.ofSeconds(10)).until(() -> CountedEvents.applied(dataSource, endpoint) == 1);
    }
}
