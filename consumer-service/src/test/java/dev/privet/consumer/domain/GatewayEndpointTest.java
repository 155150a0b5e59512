package dev.privet.consumer.domain;

import dev.privet.consumer.domain.EndpointCommand.DropRouteTable;
import dev.privet.consumer.domain.EndpointCommand.DeleteEndpoint;
import dev.privet.consumer.domain.EndpointCommand.FailModification;
import dev.privet.consumer.domain.EndpointCommand.ModifyEndpoint;
import dev.privet.consumer.domain.EndpointCommand.ProvideRoutes;
import dev.privet.consumer.domain.EndpointCommand.ReleaseNetwork;
import dev.privet.consumer.domain.EndpointCommand.RequestEndpoint;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRouteTableRemoved;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAvailable;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeleted;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeletionRequested;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointModificationFailed;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRouteTablesChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.ids.Region;
import dev.privet.contracts.ids.Requester;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.privet.consumer.domain.VpcEndpointDeciderTest.CONSUMER;
import static dev.privet.consumer.domain.VpcEndpointDeciderTest.ID;
import static dev.privet.consumer.domain.VpcEndpointDeciderTest.STRANGER;
import static dev.privet.consumer.domain.VpcEndpointDeciderTest.VPC;
import static dev.privet.consumer.domain.VpcEndpointDeciderTest.given;
import static dev.privet.consumer.domain.VpcEndpointDeciderTest.nothing;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A Gateway endpoint")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GatewayEndpointTest {
    static final String S3 = "com.amazonaws.us-east-1.s3";
    static final String MAIN = "rtb-0000000000000000a";
    static final String OTHER = "rtb-0000000000000000b";
    static final EndpointServiceOffer S3_GATEWAY = offer(ServiceDetail.GATEWAY);

    static EndpointServiceOffer offer(String type) {
        return new AwsServices(Region.DEFAULT).named(S3).stream().filter(s -> s.serviceType().equals(type))
                .findFirst().orElseThrow().offer();
    }

    static RequestEndpoint gateway(EndpointServiceOffer service, List<String> routeTables, RouteTable... known) {
        Map<String, RouteTable> byId = new java.util.HashMap<>();
        for (RouteTable table : known) {
            byId.put(table.routeTableId(), table);
        }
        return new RequestEndpoint(ID, Requester.root(CONSUMER), "Gateway", S3, Optional.of(service), VPC,
                Optional.of(VpcEndpointDeciderTest.consumerVpc()), List.of(), Map.of(), routeTables, byId, Map.of(),
                AccessControls.DEFAULT);
    }

    static RouteTable table(String id) {
        return new RouteTable(id, VPC, CONSUMER.value());
    }

    static VpcEndpointRequested requested() {
        return new VpcEndpointRequested(ID, CONSUMER.value(), "Gateway", S3_GATEWAY.serviceId(), S3, VPC, List.of(),
                "pending", CONSUMER.rootArn(), List.of(MAIN, OTHER));
    }

    @Test
    void to_s3_is_pending_at_once_with_its_route_tables_and_no_subnets() {
        var endpoint = nothing().when(gateway(S3_GATEWAY, List.of(MAIN, OTHER), table(MAIN), table(OTHER)))
                .then(requested());

        assertThat(endpoint.state()).isEqualTo(EndpointState.PENDING);
        assertThat(endpoint.routeTableIds()).containsExactly(MAIN, OTHER);
        assertThat(endpoint.subnetIds()).isEmpty();
    }

    @Test
    void may_have_no_route_table_yet() {
        var endpoint = nothing().when(gateway(S3_GATEWAY, List.of())).then(new VpcEndpointRequested(ID,
                CONSUMER.value(), "Gateway", S3_GATEWAY.serviceId(), S3, VPC, List.of(), "pending",
                CONSUMER.rootArn(), List.of()));

        assertThat(endpoint.routeTableIds()).isEmpty();
    }

    @Test
    void names_only_route_tables_of_its_owner_in_its_VPC() {
        nothing().when(gateway(S3_GATEWAY, List.of(MAIN, OTHER), table(MAIN)))
                .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_ROUTE_TABLE_ID_NOT_FOUND, "routeTableIds[1]");
        nothing().when(gateway(S3_GATEWAY, List.of(MAIN), new RouteTable(MAIN, VPC, STRANGER.value())))
                .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_ROUTE_TABLE_ID_NOT_FOUND, "routeTableIds[0]");
        nothing().when(gateway(S3_GATEWAY, List.of(MAIN), new RouteTable(MAIN, "vpc-0123456789abcdeff",
                        CONSUMER.value())))
                .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER_VALUE, "routeTableIds[0]");
    }

    @Test
    void is_refused_by_a_service_of_the_other_type() {
        nothing().when(gateway(offer(ServiceDetail.INTERFACE), List.of(MAIN), table(MAIN)))
                .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER_VALUE, "vpcEndpointType");
    }

    @Test
    void is_available_once_its_routes_are_in_place_with_no_interfaces_and_no_names() {
        var endpoint = given(requested()).when(new ProvideRoutes())
                .then(new VpcEndpointAvailable(ID, List.of(), List.of()));

        assertThat(endpoint.state()).isEqualTo(EndpointState.AVAILABLE);
        assertThat(endpoint.networkInterfaceIds()).isEmpty();
        assertThat(endpoint.dnsEntries()).isEmpty();
        given(requested(), new VpcEndpointAvailable(ID, List.of(), List.of())).when(new ProvideRoutes())
                .thenNothing();
    }

    @Test
    void is_deleted_once_its_routes_are_gone() {
        var deleting = given(requested(), new VpcEndpointAvailable(ID, List.of(), List.of()))
                .when(new DeleteEndpoint(ID, CONSUMER))
                .then(new VpcEndpointDeletionRequested(ID, S3_GATEWAY.serviceId()));
        assertThat(deleting.state()).isEqualTo(EndpointState.DELETING);

        given(requested(), new VpcEndpointAvailable(ID, List.of(), List.of()),
                new VpcEndpointDeletionRequested(ID, S3_GATEWAY.serviceId()))
                .when(new ReleaseNetwork()).then(new VpcEndpointDeleted(ID));
        given(requested(), new VpcEndpointDeletionRequested(ID, S3_GATEWAY.serviceId()))
                .when(new ProvideRoutes()).thenNothing();
    }

    static final String THIRD = "rtb-0000000000000000c";
    static final VpcEndpointAvailable AVAILABLE = new VpcEndpointAvailable(ID, List.of(), List.of());

    static ModifyEndpoint routeTables(Changes change, RouteTable... known) {
        Map<String, RouteTable> byId = new java.util.HashMap<>();
        for (RouteTable table : known) {
            byId.put(table.routeTableId(), table);
        }
        return new ModifyEndpoint(ID, CONSUMER, Changes.NONE, Map.of(), Changes.NONE, Map.of(),
                new PolicyChange.Keep(), change, byId);
    }

    @Test
    void changes_its_route_tables_when_available_and_is_pending_until_the_routes_moved() {
        var changing = given(requested(), AVAILABLE)
                .when(routeTables(new Changes(List.of(THIRD), List.of(MAIN)), table(THIRD)))
                .then(new VpcEndpointRouteTablesChanged(ID, S3_GATEWAY.serviceId(), CONSUMER.value(), VPC,
                        List.of(OTHER, THIRD), List.of(THIRD), List.of(MAIN)));
        assertThat(changing.state()).isEqualTo(EndpointState.PENDING);
        assertThat(changing.routeTableIds()).containsExactly(OTHER, THIRD);

        var changed = given(requested(), AVAILABLE, new VpcEndpointRouteTablesChanged(ID, S3_GATEWAY.serviceId(),
                CONSUMER.value(), VPC, List.of(OTHER, THIRD), List.of(THIRD), List.of(MAIN)))
                .when(new ProvideRoutes()).then(AVAILABLE);
        assertThat(changed.state()).isEqualTo(EndpointState.AVAILABLE);
        assertThat(changed.routeTableIds()).containsExactly(OTHER, THIRD);
    }

    @Test
    void keeps_its_route_tables_when_the_network_could_not_change_them() {
        var changing = new VpcEndpointRouteTablesChanged(ID, S3_GATEWAY.serviceId(), CONSUMER.value(), VPC,
                List.of(MAIN, OTHER, THIRD), List.of(THIRD), List.of());
        var failed = given(requested(), AVAILABLE, changing)
                .when(new FailModification("rtb-0000000000000000c has a route to pl-1 already", List.of(),
                        List.of(MAIN, OTHER)))
                .then(new VpcEndpointModificationFailed(ID, "rtb-0000000000000000c has a route to pl-1 already",
                        List.of(), List.of(MAIN, OTHER)));

        assertThat(failed.state()).isEqualTo(EndpointState.AVAILABLE);
        assertThat(failed.routeTableIds()).containsExactly(MAIN, OTHER);
        assertThat(failed.failureReason()).contains("already");
    }

    @Test
    void no_longer_lists_a_route_table_that_was_deleted_and_stays_in_its_state() {
        var dropped = given(requested(), AVAILABLE).when(new DropRouteTable(OTHER))
                .then(new VpcEndpointRouteTableRemoved(ID, OTHER));

        assertThat(dropped.routeTableIds()).containsExactly(MAIN);
        assertThat(dropped.state()).isEqualTo(EndpointState.AVAILABLE);
        given(requested(), AVAILABLE, new VpcEndpointRouteTableRemoved(ID, OTHER)).when(new DropRouteTable(OTHER))
                .thenNothing();
        given(requested(), AVAILABLE).when(new DropRouteTable(THIRD)).thenNothing(); // not one of its tables
    }

    @Test
    void refuses_a_change_of_route_tables_that_do_not_fit() {
        var available = given(requested(), AVAILABLE);
        available.when(routeTables(new Changes(List.of(THIRD), List.of())))
                .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_ROUTE_TABLE_ID_NOT_FOUND,
                        "addRouteTableIds[0]");
        available.when(routeTables(new Changes(List.of(MAIN), List.of())))
                .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER_VALUE, "addRouteTableIds[0]");
        available.when(routeTables(new Changes(List.of(), List.of(THIRD))))
                .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER_VALUE, "removeRouteTableIds[0]");
        given(requested()).when(routeTables(new Changes(List.of(), List.of(MAIN))))
                .thenRejected(Rejection.Kind.INVALID, ErrorCode.INCORRECT_STATE, "vpcEndpointId");
    }

    @Test
    void has_neither_subnets_nor_security_groups_to_change_and_an_Interface_endpoint_no_route_tables() {
        var available = given(requested(), AVAILABLE);
        available.when(new ModifyEndpoint(ID, CONSUMER, new Changes(List.of("subnet-0000000000000000a"), List.of()),
                        Map.of(), Changes.NONE, Map.of(), new PolicyChange.Keep(), Changes.NONE, Map.of()))
                .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER_VALUE, "addSubnetIds");
        available.when(new ModifyEndpoint(ID, CONSUMER, Changes.NONE, Map.of(),
                        new Changes(List.of(), List.of("sg-00000001")), Map.of(), new PolicyChange.Keep(),
                        Changes.NONE, Map.of()))
                .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER_VALUE, "removeSecurityGroupIds");
        VpcEndpointDeciderTest.endpointIn(EndpointState.AVAILABLE)
                .when(routeTables(new Changes(List.of(MAIN), List.of()), table(MAIN)))
                .thenRejected(Rejection.Kind.INVALID, ErrorCode.INVALID_PARAMETER_VALUE, "addRouteTableIds");
    }
}
