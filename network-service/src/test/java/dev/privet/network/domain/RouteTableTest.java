package dev.privet.network.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.RouteCreated;
import dev.privet.contracts.events.NetworkEvent.RouteDeleted;
import dev.privet.contracts.events.NetworkEvent.RouteTableAssociated;
import dev.privet.contracts.events.NetworkEvent.RouteTableCreated;
import dev.privet.contracts.events.NetworkEvent.RouteTableDeleted;
import dev.privet.contracts.events.NetworkEvent.RouteTableDisassociated;
import dev.privet.contracts.events.Values.Route;
import dev.privet.network.domain.RouteTable.Command.AddRoute;
import dev.privet.network.domain.RouteTable.Command.Associate;
import dev.privet.network.domain.RouteTable.Command.Create;
import dev.privet.network.domain.RouteTable.Command.Delete;
import dev.privet.network.domain.RouteTable.Command.Disassociate;
import dev.privet.network.domain.RouteTable.Command.RemoveRoute;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.privet.network.domain.NetworkDomainTest.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("a route table's decider")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RouteTableTest {
    static final String OWNER = NetworkDomainTest.OWNER;
    static final String TABLE = "rtb-0123456789abcdef0";
    static final String MAIN = "rtb-0000000000000000a";
    static final String SUBNET = NetworkDomainTest.SUBNET_ID;
    static final String ENI = "eni-0123456789abcdef0";
    static final String PREFIX_LIST = "pl-0123456789abcdef0";
    static final RouteTableCreated CREATED = new RouteTableCreated(TABLE, NetworkDomainTest.VPC_ID, OWNER,
            "10.0.0.0/16", false);
    static final RouteTableCreated MAIN_CREATED = new RouteTableCreated(MAIN, NetworkDomainTest.VPC_ID, OWNER,
            "10.0.0.0/16", true);
    static final Route TO_ENI = new Route("192.168.0.0/24", null, null, ENI, Route.CREATE_ROUTE);
    static final Route TO_PREFIX_LIST = new Route(null, PREFIX_LIST, null, ENI, Route.CREATE_ROUTE);
    static final Route BY_ENDPOINT = new Route(null, PREFIX_LIST, "vpce-0123456789abcdef0", null,
            Route.CREATE_ROUTE);

    static NetworkDomainTest.Given<RouteTable.Command, RouteTable> table(NetworkEvent... after) {
        List<NetworkEvent> events = new ArrayList<>(List.of(CREATED));
        events.addAll(List.of(after));
        return given(RouteTable.DECIDER, events);
    }

    @Nested
    class Creation {
        @Test
        void a_new_table_has_its_vpcs_local_route_and_no_association() {
            RouteTable state = given(RouteTable.DECIDER).when(new Create(CREATED)).then(CREATED);

            assertThat(state).isInstanceOfSatisfying(RouteTable.Table.class, t -> {
                assertThat(t.routes()).containsExactly(Route.local("10.0.0.0/16"));
                assertThat(t.routes().getFirst().isLocal()).isTrue();
                assertThat(t.associations()).isEmpty();
            });
        }

        @Test
        void a_main_tables_association_id_is_derived_from_it_and_the_same_at_every_call() {
            var main = (RouteTable.Table) given(RouteTable.DECIDER, MAIN_CREATED).state();

            assertThat(main.mainAssociationId()).matches("rtbassoc-[0-9a-f]{17}")
                    .isEqualTo(RouteTable.mainAssociationIdOf(MAIN))
                    .isNotEqualTo(RouteTable.mainAssociationIdOf(TABLE));
        }

        @Test
        void only_its_owner_sees_a_table_and_no_one_a_deleted_one() {
            RouteTable live = table().state();
            RouteTable deleted = table(new RouteTableDeleted(TABLE, NetworkDomainTest.VPC_ID, OWNER)).state();

            assertThat(live.ownedBy(OWNER, TABLE, "routeTableId").routeTableId()).isEqualTo(TABLE);
            for (var refused : List.of(
                    (Runnable) () -> live.ownedBy(NetworkDomainTest.STRANGER, TABLE, "routeTableId"),
                    () -> deleted.ownedBy(OWNER, TABLE, "routeTableId"),
                    () -> new RouteTable.NoTable().ownedBy(OWNER, TABLE, "routeTableId"))) {
                assertThatThrownBy(refused::run).isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_FOUND);
                    assertThat(r.code()).isEqualTo(ErrorCode.INVALID_ROUTE_TABLE_ID_NOT_FOUND);
                    assertThat(r.field()).isEqualTo("routeTableId");
                });
            }
        }
    }

    @Nested
    class Routes {
        @Test
        void a_route_is_added_after_the_local_one() {
            RouteTable state = table().when(new AddRoute(TO_ENI)).then(new RouteCreated(TABLE, TO_ENI));

            assertThat(((RouteTable.Table) state).routes()).containsExactly(Route.local("10.0.0.0/16"), TO_ENI);
            assertThat(((RouteTable.Table) state).routeTo("192.168.0.0/24")).contains(TO_ENI);
        }

        @Test
        void a_destination_has_one_route_the_local_block_included() {
            table(new RouteCreated(TABLE, TO_ENI)).when(new AddRoute(TO_ENI))
                    .thenRejected(ErrorCode.ROUTE_ALREADY_EXISTS, "destinationCidrBlock");
            table(new RouteCreated(TABLE, BY_ENDPOINT)).when(new AddRoute(TO_PREFIX_LIST))
                    .thenRejected(ErrorCode.ROUTE_ALREADY_EXISTS, "destinationPrefixListId");
            table().when(new AddRoute(new Route("10.0.0.0/16", null, null, ENI, Route.CREATE_ROUTE)))
                    .thenRejected(ErrorCode.ROUTE_ALREADY_EXISTS, "destinationCidrBlock");
        }

        @Test
        void a_route_is_removed_by_its_destination_naming_the_field_that_gives_it() {
            RouteTable state = table(new RouteCreated(TABLE, TO_PREFIX_LIST))
                    .when(new RemoveRoute(PREFIX_LIST, false)).then(new RouteDeleted(TABLE, PREFIX_LIST));

            assertThat(((RouteTable.Table) state).routes()).containsExactly(Route.local("10.0.0.0/16"));
            table().when(new RemoveRoute("192.168.0.0/24", false))
                    .thenRejected(ErrorCode.INVALID_ROUTE_NOT_FOUND, "destinationCidrBlock");
            table().when(new RemoveRoute(PREFIX_LIST, false))
                    .thenRejected(ErrorCode.INVALID_ROUTE_NOT_FOUND, "destinationPrefixListId");
        }

        @Test
        void the_local_route_stays() {
            table().when(new RemoveRoute("10.0.0.0/16", false))
                    .thenRejected(ErrorCode.INVALID_PARAMETER_VALUE, "destinationCidrBlock");
            table().when(new RemoveRoute("10.0.0.0/16", true))
                    .thenRejected(ErrorCode.INVALID_PARAMETER_VALUE, "destinationCidrBlock");
        }

        @Test
        void a_gateway_endpoints_route_goes_only_by_the_endpoint() {
            var withEndpointRoute = table(new RouteCreated(TABLE, BY_ENDPOINT));

            withEndpointRoute.when(new RemoveRoute(PREFIX_LIST, false))
                    .thenRejected(ErrorCode.INVALID_PARAMETER_VALUE, "destinationPrefixListId");
            withEndpointRoute.when(new RemoveRoute(PREFIX_LIST, true)).then(new RouteDeleted(TABLE, PREFIX_LIST));
        }
    }

    @Nested
    class Associations {
        static final String ASSOCIATION = "rtbassoc-0123456789abcdef0";

        @Test
        void a_subnet_is_associated_once_and_disassociated_by_the_associations_id() {
            RouteTable associated = table().when(new Associate(ASSOCIATION, SUBNET))
                    .then(new RouteTableAssociated(TABLE, ASSOCIATION, SUBNET));
            assertThat(((RouteTable.Table) associated).associations()).containsExactly(
                    java.util.Map.entry(ASSOCIATION, SUBNET));

            var given = table(new RouteTableAssociated(TABLE, ASSOCIATION, SUBNET));
            given.when(new Associate("rtbassoc-0000000000000000b", SUBNET))
                    .thenRejected(ErrorCode.RESOURCE_ALREADY_ASSOCIATED, "subnetId");
            RouteTable after = given.when(new Disassociate(ASSOCIATION))
                    .then(new RouteTableDisassociated(TABLE, ASSOCIATION, SUBNET));
            assertThat(((RouteTable.Table) after).associations()).isEmpty();
        }

        @Test
        void an_association_that_is_not_there_is_not_found() {
            var once = table(new RouteTableAssociated(TABLE, ASSOCIATION, SUBNET),
                    new RouteTableDisassociated(TABLE, ASSOCIATION, SUBNET));

            assertThatThrownBy(() -> RouteTable.DECIDER.decide(new Disassociate(ASSOCIATION), once.state()))
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_FOUND);
                        assertThat(r.code()).isEqualTo(ErrorCode.INVALID_ASSOCIATION_ID_NOT_FOUND);
                        assertThat(r.field()).isEqualTo("associationId");
                    });
        }
    }

    @Nested
    class Deletion {
        @Test
        void a_table_without_subnets_is_deleted_with_its_routes_and_is_then_final() {
            var given = table(new RouteCreated(TABLE, TO_ENI));
            RouteTable deleted = given.when(new Delete(false))
                    .then(new RouteTableDeleted(TABLE, NetworkDomainTest.VPC_ID, OWNER));

            assertThat(RouteTable.DECIDER.isTerminal(deleted)).isTrue();
            assertThatThrownBy(() -> RouteTable.DECIDER.decide(new AddRoute(TO_ENI), deleted))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void a_table_a_subnet_uses_stays() {
            table(new RouteTableAssociated(TABLE, "rtbassoc-0123456789abcdef0", SUBNET)).when(new Delete(false))
                    .thenRejected(ErrorCode.DEPENDENCY_VIOLATION, "routeTableId");
        }

        @Test
        void a_main_table_goes_only_with_its_vpc() {
            var main = given(RouteTable.DECIDER, MAIN_CREATED);

            main.when(new Delete(false)).thenRejected(ErrorCode.DEPENDENCY_VIOLATION, "routeTableId");
            main.when(new Delete(true)).then(new RouteTableDeleted(MAIN, NetworkDomainTest.VPC_ID, OWNER));
        }
    }
}
