package dev.privet.runtime;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeletionRequested;
import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventRecords;
import dev.privet.contracts.events.Topic;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.testkit.PrivetServiceTestResource;
import dev.privet.testkit.PublishedEvents;
import dev.privet.testkit.TestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * A record this build cannot read stops the channel there: what came before it is applied, nothing after it is, no
 * offset is committed past it, and readiness is DOWN saying why. Its own topic and a fresh application: the channel
 * stays failed for the rest of the run.
 */
@QuarkusTest
@TestProfile(UnreadableEventOnChannelTest.ConsumerTopic.class)
@WithTestResource(PrivetServiceTestResource.class)
class UnreadableEventOnChannelTest {
    private static final String ACCOUNT = "111122223333";
    private static final String UNKNOWN_TYPE = "VpcEndpointTeleported";

    /** The counting view reads the consumer topic, which no other test of this module writes. */
    public static class ConsumerTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming." + CountingView.NAME + ".topics", Topic.CONSUMER.topicName());
        }
    }

    @Inject
    DataSource dataSource;

    private final PublishedEvents events = PublishedEvents.onTestBroker();

    @Test
    void an_unknown_event_type_stops_the_channel_at_it_uncommitted_and_readiness_says_why() throws Exception {
        String endpoint = IdFormat.VPC_ENDPOINT.newId();
        String service = IdFormat.ENDPOINT_SERVICE.newId();
        events.publish(new VpcEndpointDeletionRequested(endpoint, service), 1, ACCOUNT);
        events.publish(new VpcEndpointDeletionRequested(endpoint, service), 2, ACCOUNT);
        RecordMetadata unknown = events.send(ofUnknownType(endpoint, service)).get();
        events.publish(new VpcEndpointDeletionRequested(endpoint, service), 4, ACCOUNT);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(503).body(containsString(UNKNOWN_TYPE)));

        assertThat(CountedEvents.applied(dataSource, endpoint)).as("the two events before the unknown one, and not the one after").isEqualTo(2);
        TopicPartition partition = new TopicPartition(unknown.topic(), unknown.partition());
        OffsetAndMetadata committed = committed(partition);
        assertThat(committed == null ? 0 : committed.offset()).as("the group's committed offset in %s", partition)
                .isLessThanOrEqualTo(unknown.offset());
    }

    /** An event of the endpoint's stream, at version 3, as a newer build would publish a type this one lacks. */
    private static ProducerRecord<String, byte[]> ofUnknownType(String endpoint, String service) {
        ProducerRecord<String, byte[]> record = EventRecords.toRecord(Topic.CONSUMER.topicName(),
                PublishedEvents.envelope(new VpcEndpointDeletionRequested(endpoint, service), 3, ACCOUNT),
                new EventCodec());
        record.headers().remove(EventRecords.TYPE);
        record.headers().add(EventRecords.TYPE, UNKNOWN_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static OffsetAndMetadata committed(TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            return admin.listConsumerGroupOffsets("privet.network." + CountingView.NAME).partitionsToOffsetAndMetadata()
                    .get().get(partition);
        }
    }
}
