package dev.privet.provider.api;

import dev.privet.runtime.IdempotencyKey;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.privet.provider.api.ProviderApi.LB;
import static dev.privet.provider.api.ProviderApi.OTHER;
import static dev.privet.provider.api.ProviderApi.OWNER;
import static dev.privet.provider.api.ProviderApi.SERVICES;
import static dev.privet.provider.api.ProviderApi.create;
import static dev.privet.provider.api.ProviderApi.delete;
import static dev.privet.provider.api.ProviderApi.eventCount;
import static dev.privet.provider.api.ProviderApi.get;
import static dev.privet.provider.api.ProviderApi.problem;
import static dev.privet.provider.api.ProviderApi.withLoadBalancer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A create retried with the same Idempotency-Key returns the service the first one created, and nothing more. */
@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IdempotentCreateTest {

    @Inject
    DataSource dataSource;

    @Test
    void a_retried_create_returns_the_same_service_with_the_same_answer() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = create(OWNER, key, withLoadBalancer()).statusCode(201).extract().asString();
        long events = eventCount(dataSource);

        String again = create(OWNER, key, withLoadBalancer()).statusCode(201).extract().asString();
        // Spelling out the default acceptance is the same request.
        String spelledOut = create(OWNER, key, Map.of("networkLoadBalancerArns", List.of(LB), "acceptanceRequired", true))
                .statusCode(201).extract().asString();

        assertThat(again).isEqualTo(first);
        assertThat(spelledOut).isEqualTo(first);
        assertThat(eventCount(dataSource)).isEqualTo(events);
        String id = create(OWNER, key, withLoadBalancer()).extract().path("serviceId");
        assertThat(get(OWNER, SERVICES).statusCode(200).extract().<List<String>>path("serviceId"))
                .containsOnlyOnce(id);
    }

    @Test
    void a_create_retried_after_its_service_was_deleted_answers_that_service_as_deleted_and_creates_none()
            throws Exception {
        String key = UUID.randomUUID().toString();
        String id = create(OWNER, key, withLoadBalancer()).statusCode(201).extract().path("serviceId");
        delete(OWNER, id).statusCode(204);
        long events = eventCount(dataSource);

        create(OWNER, key, withLoadBalancer()).statusCode(201)
                .body("serviceId", equalTo(id))
                .body("serviceState", equalTo("Deleted"));

        assertThat(eventCount(dataSource)).isEqualTo(events);
        assertThat(get(OWNER, SERVICES).statusCode(200).extract().<List<String>>path("serviceId")).doesNotContain(id);
    }

    @Test
    void the_same_key_with_another_request_is_refused_and_stores_nothing() throws Exception {
        String key = UUID.randomUUID().toString();
        create(OWNER, key, withLoadBalancer()).statusCode(201);
        long events = eventCount(dataSource);
        int services = get(OWNER, SERVICES).statusCode(200).extract().<List<String>>path("serviceId").size();

        problem(create(OWNER, key, Map.of("networkLoadBalancerArns", List.of(LB), "acceptanceRequired", false)), 400,
                "IdempotentParameterMismatch", IdempotencyKey.HEADER);

        assertThat(eventCount(dataSource)).isEqualTo(events);
        assertThat(get(OWNER, SERVICES).extract().<List<String>>path("serviceId")).hasSize(services);
    }

    @Test
    void a_key_belongs_to_its_account() {
        String key = UUID.randomUUID().toString();
        String mine = create(OWNER, key, withLoadBalancer()).statusCode(201).extract().path("serviceId");
        String theirs = create(OTHER, key, Map.of("networkLoadBalancerArns", List.of(LB.replace(OWNER, OTHER))))
                .statusCode(201).extract().path("serviceId");
        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void creates_without_a_key_are_separate_services() {
        String first = create(OWNER, null, withLoadBalancer()).statusCode(201).extract().path("serviceId");
        String second = create(OWNER, null, withLoadBalancer()).statusCode(201).extract().path("serviceId");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void a_key_that_is_too_long_or_not_printable_is_refused() throws Exception {
        long events = eventCount(dataSource);
        problem(create(OWNER, "k".repeat(65), withLoadBalancer()), 400, "InvalidParameterValue", IdempotencyKey.HEADER);
        problem(create(OWNER, "with space", withLoadBalancer()), 400, "InvalidParameterValue", IdempotencyKey.HEADER);
        assertThat(eventCount(dataSource)).isEqualTo(events);
    }
}
