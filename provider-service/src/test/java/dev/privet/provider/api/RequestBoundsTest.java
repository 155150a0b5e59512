package dev.privet.provider.api;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.contracts.events.ProviderEvent.AllowedPrincipalsAdded;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.events.Topic;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.privet.provider.api.ProviderApi.LB;
import static dev.privet.provider.api.ProviderApi.OWNER;
import static dev.privet.provider.api.ProviderApi.SERVICES;
import static dev.privet.provider.api.ProviderApi.createService;
import static dev.privet.provider.api.ProviderApi.eventCount;
import static dev.privet.provider.api.ProviderApi.get;
import static dev.privet.provider.api.ProviderApi.modifyPermissions;
import static dev.privet.provider.api.ProviderApi.post;
import static dev.privet.provider.api.ProviderApi.problem;
import static dev.privet.provider.api.ProviderApi.withLoadBalancer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;

/**
 * Every request field is bounded: an oversized request is a 400 naming the field, stores nothing, and leaves the
 * service working.
 */
@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RequestBoundsTest {
    private static final String TWO_MEGABYTES = "a".repeat(2 * 1024 * 1024);

    @Inject
    DataSource dataSource;

    /** {@code count} distinct, valid account principals. */
    private static List<String> principals(int count) {
        return IntStream.range(0, count).mapToObj(i -> "arn:aws:iam::%012d:root".formatted(i)).toList();
    }

    @Test
    void thirty_four_thousand_principals_are_refused_naming_the_list_and_nothing_is_stored() throws Exception {
        String id = createService(withLoadBalancer());
        long events = eventCount(dataSource);

        problem(modifyPermissions(OWNER, id, Map.of("addAllowedPrincipals", principals(34_000))), 400,
                "InvalidParameterValue", "addAllowedPrincipals");
        problem(modifyPermissions(OWNER, id, Map.of("removeAllowedPrincipals", principals(34_000))), 400,
                "InvalidParameterValue", "removeAllowedPrincipals");
        problem(modifyPermissions(OWNER, id, Map.of("addAllowedPrincipals", principals(101))), 400,
                "InvalidParameterValue", "addAllowedPrincipals");

        assertThat(eventCount(dataSource)).isEqualTo(events);
        get(OWNER, SERVICES + "/" + id + "/permissions").statusCode(200).body("allowedPrincipals", empty());
    }

    @Test
    void a_principal_or_a_load_balancer_arn_of_two_megabytes_is_refused_naming_it() throws Exception {
        String id = createService(withLoadBalancer());
        long events = eventCount(dataSource);
        int services = get(OWNER, SERVICES).extract().<List<String>>path("serviceId").size();

        problem(modifyPermissions(OWNER, id, Map.of("addAllowedPrincipals", List.of("*", "arn:aws:iam::" + OWNER
                + ":role/" + TWO_MEGABYTES))), 400, "InvalidParameterValue", "addAllowedPrincipals[1]");
        problem(post(OWNER, SERVICES, Map.of("networkLoadBalancerArns", List.of(LB + TWO_MEGABYTES))), 400,
                "InvalidParameterValue", "networkLoadBalancerArns[0]");
        problem(post(OWNER, SERVICES, Map.of("networkLoadBalancerArns", Collections.nCopies(34_000, LB))), 400,
                "InvalidParameterValue", "networkLoadBalancerArns");

        assertThat(eventCount(dataSource)).isEqualTo(events);
        get(OWNER, SERVICES).statusCode(200).body("serviceId", hasSize(services));
    }

    @Test
    void after_oversized_requests_a_normal_create_and_the_largest_permission_change_succeed_and_reach_kafka() {
        problem(modifyPermissions(OWNER, createService(withLoadBalancer()),
                Map.of("addAllowedPrincipals", principals(34_000))), 400, "InvalidParameterValue", "addAllowedPrincipals");
        problem(post(OWNER, SERVICES, Map.of("networkLoadBalancerArns", List.of(TWO_MEGABYTES))), 400,
                "InvalidParameterValue", "networkLoadBalancerArns[0]");

        String id = createService(withLoadBalancer());
        modifyPermissions(OWNER, id, Map.of("addAllowedPrincipals", principals(100))).statusCode(200)
                .body("allowedPrincipals", hasSize(100));

        // A command is answered once its events are published (DESIGN rule 11): both are on the topic already.
        List<IntegrationEvent> published = ForeignEvents.readAll(Topic.PROVIDER).stream().map(EventEnvelope::event)
                .filter(e -> e instanceof EndpointServiceCreated c && c.serviceId().equals(id)
                        || e instanceof AllowedPrincipalsAdded a && a.serviceId().equals(id))
                .toList();
        assertThat(published).hasSize(2);
        assertThat(published.get(1)).isInstanceOfSatisfying(AllowedPrincipalsAdded.class,
                a -> assertThat(a.principals()).hasSize(100));
    }
}
