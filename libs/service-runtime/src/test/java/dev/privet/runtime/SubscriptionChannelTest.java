package dev.privet.runtime;

import dev.privet.contracts.events.ProviderEvent.EndpointServiceAvailable;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.testkit.PrivetServiceTestResource;
import dev.privet.testkit.PublishedEvents;
import dev.privet.testkit.Scrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A view of another service's events, fed by its SmallRye Kafka channel, as a service runs it. */
@QuarkusTest
@WithTestResource(PrivetServiceTestResource.class)
class SubscriptionChannelTest {
    private static final int STREAMS = 6;
    private static final String ACCOUNT = "111122223333";

    @Inject
    EventRuntime runtime;
    @Inject
    DataSource dataSource;

    private final PublishedEvents events = PublishedEvents.onTestBroker();

    @Test
    void every_published_event_is_applied_once_and_a_catch_up_sees_all_of_them() {
        List<String> streams = streams();
        for (int version = 1; version <= 10; version++) {
            for (String stream : streams) {
                events.publish(new EndpointServiceAvailable(stream), version, ACCOUNT);
            }
        }

        runtime.catchUp(CountingView.NAME); // no waiting of our own: the catch-up is the guarantee

        Map<String, Long> counts = CountedEvents.all(dataSource);
        streams.forEach(stream -> assertThat(counts.get(stream)).as(stream).isEqualTo(10L));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metrics_show_each_subscription_s_handling_and_lag_and_the_relay_s_lag() {
        events.publish(new EndpointServiceAvailable(streams().getFirst()), 1, ACCOUNT);
        runtime.catchUp(CountingView.NAME);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> { // the lags are read at most every 5 s
            Scrape metrics = Scrape.of(given().get("/q/metrics").then().statusCode(200).extract().asString());
            assertThat(metrics.sum("privet_event_handling_seconds_count", Map.of("subscription", CountingView.NAME,
                    "event_type", "EndpointServiceAvailable"))).isPositive();
            assertThat(metrics.samples("privet_subscription_lag_records", Map.of("subscription", CountingView.NAME)))
                    .singleElement().extracting(Scrape.Sample::value).isEqualTo(0.0);
            assertThat(metrics.samples("privet_outbox_lag_events", Map.of("service", "network")))
                    .singleElement().extracting(Scrape.Sample::value).isEqualTo(0.0);
        });
    }

    @Test
    void rebuilds_while_events_keep_coming_lose_and_double_nothing() {
        List<String> streams = streams();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int version = 1; version <= 40; version++) {
                for (String stream : streams) {
                    events.publish(new EndpointServiceAvailable(stream), version, ACCOUNT);
                }
            }
        });
        for (int rebuild = 0; rebuild < 3; rebuild++) {
            given().post("/admin/consumers/" + CountingView.NAME + "/rebuild").then().statusCode(200)
                    .body("rebuilt", equalTo(true));
        }
        writer.join();

        runtime.catchUp(CountingView.NAME);

        Map<String, Long> counts = CountedEvents.all(dataSource);
        streams.forEach(stream -> assertThat(counts.get(stream)).as(stream).isEqualTo(40L));
    }

    private static List<String> streams() {
        return IntStream.range(0, STREAMS).mapToObj(i -> IdFormat.ENDPOINT_SERVICE.newId()).toList();
    }
}
