package dev.privet.contracts;

import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.EventRecords;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkProvisioned;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersReleased;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceDeleted;
import dev.privet.contracts.events.Topic;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.DerivedId;
import dev.privet.contracts.ids.EndpointDnsNames;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.ids.LoadBalancerArn;
import dev.privet.contracts.ids.PrincipalArn;
import dev.privet.contracts.ids.Region;
import dev.privet.contracts.ids.ServiceName;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractsTest {

    @Nested
    @DisplayName("ids and names")
    class Ids {
        @Test
        void resource_ids_are_a_prefix_and_17_lowercase_hex_digits() {
            assertThat(IdFormat.VPC_ENDPOINT.newId()).matches("vpce-[0-9a-f]{17}");
            assertThat(IdFormat.ENDPOINT_SERVICE.newId()).matches("vpce-svc-[0-9a-f]{17}");
            assertThat(IdFormat.NETWORK_INTERFACE.newId()).matches("eni-[0-9a-f]{17}");
            assertThat(IdFormat.VPC_ENDPOINT.matches(IdFormat.ENDPOINT_SERVICE.newId())).isFalse();
            assertThat(IdFormat.SUBNET.matches("subnet-0123")).isFalse();
        }

        @Test
        void service_names_round_trip_and_reject_other_shapes() {
            String id = IdFormat.ENDPOINT_SERVICE.newId();
            ServiceName name = new ServiceName(Region.DEFAULT, id);
            assertThat(name.value()).isEqualTo("com.amazonaws.vpce.us-east-1." + id);
            assertThat(ServiceName.parse(name.value())).contains(name);
            assertThat(ServiceName.parse("com.amazonaws.us-east-1.s3")).isEmpty();
            assertThat(ServiceName.parse("com.amazonaws.vpce.us-east-1.vpce-svc-123")).isEmpty();
        }

        @Test
        void principals_are_star_or_iam_root_user_and_role_arns() {
            assertThat(PrincipalArn.isValid("*")).isTrue();
            assertThat(PrincipalArn.isValid("arn:aws:iam::111122223333:root")).isTrue();
            assertThat(PrincipalArn.isValid("arn:aws:iam::111122223333:role/team/deployer")).isTrue();
            assertThat(PrincipalArn.isValid("arn:aws:iam::1111:root")).isFalse();
            assertThat(PrincipalArn.isValid("111122223333")).isFalse();
            assertThat(new PrincipalArn("arn:aws:iam::111122223333:root").admits("111122223333",
                    "arn:aws:iam::111122223333:user/ann")).isTrue();
            assertThat(new PrincipalArn("arn:aws:iam::111122223333:user/ann").admits("111122223333",
                    "arn:aws:iam::111122223333:root")).isFalse();
            assertThat(new PrincipalArn("*").admits("444455556666", "arn:aws:iam::444455556666:root")).isTrue();
        }

        @Test
        void accounts_are_twelve_digits() {
            assertThat(new AccountId("111122223333").rootArn()).isEqualTo("arn:aws:iam::111122223333:root");
            assertThatThrownBy(() -> new AccountId("12")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void load_balancer_arns_have_the_aws_shape() {
            String arn = LoadBalancerArn.of(Region.DEFAULT, new AccountId("111122223333"), "net", "web");
            assertThat(LoadBalancerArn.isValid(arn)).isTrue();
            assertThat(arn).startsWith("arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/web/");
            assertThat(LoadBalancerArn.isValidName("-web")).isFalse();
        }

        @Test
        void endpoint_dns_names_follow_the_aws_pattern() {
            String endpoint = IdFormat.VPC_ENDPOINT.newId();
            String service = IdFormat.ENDPOINT_SERVICE.newId();
            EndpointDnsNames names = EndpointDnsNames.generate(endpoint, service, Region.DEFAULT);
            assertThat(names.regional()).matches(endpoint + "-[a-z0-9]{8}\\." + service + "\\.us-east-1\\.vpce\\.amazonaws\\.com");
            assertThat(names.zonal("us-east-1a")).matches(endpoint + "-[a-z0-9]{8}-us-east-1a\\." + service + "\\.us-east-1\\.vpce\\.amazonaws\\.com");
            assertThat(Region.DEFAULT.hasZone("us-east-1a")).isTrue();
            assertThat(Region.DEFAULT.hasZone("eu-west-1a")).isFalse();
        }

        @Test
        void an_endpoints_names_are_recovered_from_its_regional_name() {
            EndpointDnsNames names = EndpointDnsNames.generate(IdFormat.VPC_ENDPOINT.newId(),
                    IdFormat.ENDPOINT_SERVICE.newId(), new Region("eu-west-2"));
            assertThat(EndpointDnsNames.ofRegional(names.regional())).isEqualTo(names);
            assertThatThrownBy(() -> EndpointDnsNames.ofRegional("www.example.com"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void a_region_has_six_zones_and_aws_names_and_derived_ids_are_stable_and_well_formed() {
            assertThat(new Region("eu-west-1").zones()).containsExactly("eu-west-1a", "eu-west-1b", "eu-west-1c",
                    "eu-west-1d", "eu-west-1e", "eu-west-1f");
            assertThat(new Region("eu-west-1").vpceName("kms")).isEqualTo("kms.eu-west-1.vpce.amazonaws.com");
            assertThat(new Region("eu-west-1").serviceHost("kms")).isEqualTo("kms.eu-west-1.amazonaws.com");
            String id = DerivedId.of(IdFormat.ENDPOINT_SERVICE.prefix(), "com.amazonaws.us-east-1.s3", "Gateway");
            assertThat(IdFormat.ENDPOINT_SERVICE.matches(id)).isTrue();
            assertThat(DerivedId.of(IdFormat.ENDPOINT_SERVICE.prefix(), "com.amazonaws.us-east-1.s3", "Gateway"))
                    .isEqualTo(id)
                    .isNotEqualTo(DerivedId.of(IdFormat.ENDPOINT_SERVICE.prefix(), "com.amazonaws.us-east-1.s3",
                            "Interface"));
        }
    }

    @Nested
    @DisplayName("event codec")
    class Codec {
        private final EventCodec codec = new EventCodec();

        @Test
        void every_event_round_trips_through_json() {
            List<IntegrationEvent> events = List.of(
                    new EndpointServiceCreated("vpce-svc-0123456789abcdef0", "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
                            "111122223333", "us-east-1", List.of("arn:x"), false),
                    new EndpointServiceDeleted("vpce-svc-0123456789abcdef0", "111122223333", List.of("arn:x")),
                    new ServiceLoadBalancersReleased("vpce-svc-0123456789abcdef0", List.of("arn:x")),
                    new VpcEndpointRequested("vpce-0123456789abcdef0", "444455556666", "Interface", "vpce-svc-0123456789abcdef0",
                            "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", "vpc-0123456789abcdef0",
                            List.of("subnet-0123456789abcdef0"), "pending", "arn:aws:iam::444455556666:user/ann", List.of()),
                    new EndpointNetworkProvisioned("vpce-0123456789abcdef0", "vpce-svc-0123456789abcdef0",
                            List.of(new EndpointInterface("eni-0123456789abcdef0", "subnet-0123456789abcdef0", "us-east-1a", "10.0.1.4",
                                    "127.100.0.4"))));
            for (IntegrationEvent event : events) {
                byte[] payload = codec.encode(event);
                assertThat(codec.decode(event.eventType(), 1, payload)).contains(event);
            }
        }

        @Test
        void fields_added_since_an_event_was_recorded_read_as_their_documented_defaults() {
            String requested = "{\"vpcEndpointId\":\"vpce-0123456789abcdef0\",\"ownerId\":\"444455556666\","
                    + "\"vpcEndpointType\":\"Interface\",\"serviceId\":\"vpce-svc-0123456789abcdef0\","
                    + "\"serviceName\":\"n\",\"vpcId\":\"vpc-0123456789abcdef0\",\"subnetIds\":[],\"state\":\"pending\"}";
            var old = (VpcEndpointRequested) codec.decode("VpcEndpointRequested", 1,
                    requested.getBytes(StandardCharsets.UTF_8)).orElseThrow();
            assertThat(PrincipalArn.actingFor(old.ownerId(), old.requesterArn()))
                    .isEqualTo("arn:aws:iam::444455556666:root");
            String balancer = "{\"loadBalancerArn\":\"arn:x\",\"name\":\"web\",\"ownerId\":\"111122223333\","
                    + "\"type\":\"network\",\"vpcId\":\"vpc-0123456789abcdef0\",\"subnetIds\":[],\"listeners\":[],"
                    + "\"targets\":[]}";
            assertThat(((LoadBalancerCreated) codec.decode("LoadBalancerCreated", 1,
                    balancer.getBytes(StandardCharsets.UTF_8)).orElseThrow()).scheme()).isEqualTo("internal");
        }

        @Test
        void unknown_types_and_future_schema_versions_are_skipped_not_failed() {
            assertThat(codec.decode("SomethingNew", 1, "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
            assertThat(codec.decode("VpcEndpointAccepted", 2, "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        }

        @Test
        void a_record_carries_the_envelope_and_its_trace_parent_as_the_w3c_traceparent_header() {
            String traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
            EventEnvelope traced = envelope(new EventMetadata(UUID.randomUUID(), UUID.randomUUID(), "111122223333",
                    traceParent));
            ConsumerRecord<String, byte[]> record = delivered(EventRecords.toRecord("t", traced, codec));
            assertThat(EventRecords.header(record, "traceparent")).isEqualTo(traceParent);
            assertThat(EventRecords.fromRecord(record, codec)).contains(traced);

            EventEnvelope untraced = envelope(EventMetadata.forRequest("111122223333"));
            ConsumerRecord<String, byte[]> plain = delivered(EventRecords.toRecord("t", untraced, codec));
            assertThat(plain.headers().lastHeader("traceparent")).isNull();
            assertThat(EventRecords.fromRecord(plain, codec)).contains(untraced);
        }

        @Test
        void a_reaction_stays_in_its_cause_s_trace() {
            EventEnvelope cause = envelope(EventMetadata.forRequest("111122223333").inTrace("00-a-b-01"));
            assertThat(EventMetadata.causedBy(cause).traceParent()).isEqualTo("00-a-b-01");
            assertThat(EventMetadata.causedBy(cause).inTrace(null).traceParent()).isEqualTo("00-a-b-01");
            assertThat(EventMetadata.causedBy(cause).inTrace("00-c-d-01").traceParent()).isEqualTo("00-c-d-01");
        }

        private static EventEnvelope envelope(EventMetadata metadata) {
            return new EventEnvelope(UUID.randomUUID(), "vpce-svc-0123456789abcdef0", "EndpointService", 1, 1,
                    Instant.parse("2026-01-02T03:04:05.123456Z"), metadata,
                    new EndpointServiceDeleted("vpce-svc-0123456789abcdef0", "111122223333", List.of()));
        }

        private static ConsumerRecord<String, byte[]> delivered(ProducerRecord<String, byte[]> sent) {
            return new ConsumerRecord<>(sent.topic(), 0, 0, 0, TimestampType.CREATE_TIME, 0, sent.value().length,
                    sent.key(), sent.value(), sent.headers(), Optional.empty());
        }

        @Test
        void each_event_family_has_its_topic() {
            assertThat(Topic.of(new EndpointServiceCreated("vpce-svc-0123456789abcdef0", "n", "o", "r", List.of(), true)))
                    .isEqualTo(Topic.PROVIDER);
            assertThat(Topic.PROVIDER.topicName()).isEqualTo("privet.provider.events");
            assertThat(EventCodec.isKnownType("EndpointDnsPublished")).isTrue();
        }
    }
}
