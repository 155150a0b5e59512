package dev.privet.consumer.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;

import java.util.Map;

/**
 * What a route table named for a Gateway endpoint must be, at creation and when its route tables change: the
 * caller's, in the endpoint's VPC. Each check names the request's field at fault.
 */
final class EndpointRouteTables {
    private EndpointRouteTables() {
    }

    /** Checks the table named at {@code field}: the network view has it, {@code ownerId} owns it, it is in the VPC. */
    static void check(String routeTableId, String field, Map<String, RouteTable> known, String ownerId,
                      String vpcId) {
        RouteTable table = known.get(routeTableId);
        if (table == null || !table.ownerId().equals(ownerId)) {
            throw Rejection.invalid(ErrorCode.INVALID_ROUTE_TABLE_ID_NOT_FOUND, field,
                    "The routeTable ID '" + routeTableId + "' does not exist");
        }
        if (!table.vpcId().equals(vpcId)) {
            throw Rejection.invalidValue(field, "The route table " + routeTableId + " is in " + table.vpcId()
                    + ", not in the endpoint's VPC " + vpcId);
        }
    }
}
