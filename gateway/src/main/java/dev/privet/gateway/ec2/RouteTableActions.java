package dev.privet.gateway.ec2;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.gateway.Backend;
import dev.privet.gateway.query.JsonLists;
import dev.privet.gateway.query.Listing;
import dev.privet.gateway.query.QueryAction;
import dev.privet.gateway.query.QueryActions;
import dev.privet.gateway.query.QueryCall;
import dev.privet.gateway.query.QueryFault;
import dev.privet.gateway.query.QueryProtocol;
import dev.privet.gateway.query.Shown;
import dev.privet.gateway.query.XmlBody;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * CreateRouteTable, DescribeRouteTables and DeleteRouteTable, on network-service's {@code /v1/route-tables}; the
 * routes and associations of a table are {@link RouteActions}'.
 */
@ApplicationScoped
public class RouteTableActions implements QueryActions {
    static final Listing<JsonObject> LISTING = Listing.<JsonObject>of(t -> t.getString("routeTableId"))
            .ids("RouteTableId", id -> QueryFault.of(ErrorCode.INVALID_ROUTE_TABLE_ID_NOT_FOUND,
                    "The routeTable ID '" + id + "' does not exist"))
            .filter("route-table-id", t -> t.getString("routeTableId"))
            .filter("vpc-id", t -> t.getString("vpcId"))
            .filter("owner-id", t -> t.getString("ownerId"))
            .filterAny("association.main", t -> each(t, "associations", a -> String.valueOf(a.getBoolean("main"))))
            .filterAny("association.subnet-id", t -> each(t, "associations", a -> a.getString("subnetId")))
            .filterAny("association.route-table-association-id",
                    t -> each(t, "associations", a -> a.getString("associationId")))
            .filterAny("association.route-table-id", t -> each(t, "associations", a -> a.getString("routeTableId")))
            .filterAny("route.destination-cidr-block", t -> each(t, "routes", r -> r.getString("destinationCidrBlock")))
            .filterAny("route.destination-prefix-list-id",
                    t -> each(t, "routes", r -> r.getString("destinationPrefixListId")))
            .filterAny("route.gateway-id", t -> each(t, "routes", r -> r.getString("gatewayId")))
            .filterAny("route.network-interface-id", t -> each(t, "routes", r -> r.getString("networkInterfaceId")))
            .filterAny("route.origin", t -> each(t, "routes", r -> r.getString("origin")))
            .filterAny("route.state", t -> each(t, "routes", r -> r.getString("state")))
            .tags(Tags::of)
            .maxResults(5, 100);

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.EC2;
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of("CreateRouteTable", this::create, "DescribeRouteTables", this::describe,
                "DeleteRouteTable", this::delete);
    }

    private Consumer<XmlBody> create(QueryCall call) {
        var params = call.params();
        String vpcId = params.required("VpcId");
        Optional<String> clientToken = params.optional("ClientToken");
        JsonObject request = Tags.specified(params, IdFormat.ROUTE_TABLE.resourceType(),
                new JsonObject().put("vpcId", vpcId));
        params.done();
        JsonObject table = call.services().post(Backend.NETWORK, "/v1/route-tables", call.caller(), request,
                call.idempotencyKey(clientToken));
        return body -> {
            body.element("routeTable", out -> write(out, table));
            clientToken.ifPresent(token -> body.text("clientToken", token));
        };
    }

    private Consumer<XmlBody> describe(QueryCall call) {
        var selection = LISTING.read(call.params());
        call.params().done();
        var page = selection.select(JsonLists.objects(call.services().list(Backend.NETWORK, "/v1/route-tables",
                call.caller())));
        return body -> {
            body.set("routeTableSet", page.items(), RouteTableActions::write);
            page.nextToken().ifPresent(token -> body.text("nextToken", token));
        };
    }

    /** Deletes a table that is not its VPC's main one and has no subnets ({@code DependencyViolation} otherwise). */
    private Consumer<XmlBody> delete(QueryCall call) {
        String routeTableId = routeTableId(call);
        call.params().done();
        call.services().delete(Backend.NETWORK, "/v1/route-tables/" + routeTableId, call.caller());
        return body -> body.text("return", true);
    }

    /** The request's {@code RouteTableId}, in the form AWS checks before anything else. */
    static String routeTableId(QueryCall call) {
        String routeTableId = call.params().required("RouteTableId");
        if (!IdFormat.ROUTE_TABLE.matches(routeTableId)) {
            throw QueryFault.of(ErrorCode.INVALID_ROUTE_TABLE_ID_MALFORMED, "Invalid id: " + Shown.of(routeTableId)
                    + " (expecting \"rtb-...\")");
        }
        return routeTableId;
    }

    static void write(XmlBody out, JsonObject table) {
        out.text("routeTableId", table.getString("routeTableId"))
                .text("vpcId", table.getString("vpcId"))
                .text("ownerId", table.getString("ownerId"))
                .set("routeSet", objects(table, "routes"), (item, route) -> item
                        .text("destinationCidrBlock", route.getString("destinationCidrBlock"))
                        .text("destinationPrefixListId", route.getString("destinationPrefixListId"))
                        .text("gatewayId", route.getString("gatewayId"))
                        .text("networkInterfaceId", route.getString("networkInterfaceId"))
                        .text("state", route.getString("state"))
                        .text("origin", route.getString("origin")))
                .set("associationSet", objects(table, "associations"), (item, association) -> item
                        .text("routeTableAssociationId", association.getString("associationId"))
                        .text("routeTableId", association.getString("routeTableId"))
                        .text("subnetId", association.getString("subnetId"))
                        .text("main", association.getBoolean("main", false))
                        .element("associationState", state -> state.text("state", "associated")))
                .values("propagatingVgwSet", List.of());
        Tags.write(out, table);
    }

    private static List<JsonObject> objects(JsonObject table, String field) {
        return JsonLists.objects(table.getJsonArray(field, new JsonArray()));
    }

    /** The non-null values {@code value} takes on each member of the table's list {@code field}. */
    private static Collection<String> each(JsonObject table, String field,
                                           Function<JsonObject, String> value) {
        return objects(table, field).stream().map(value).filter(Objects::nonNull).toList();
    }
}
