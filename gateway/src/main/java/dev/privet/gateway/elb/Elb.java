package dev.privet.gateway.elb;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.ids.LoadBalancerArn;
import dev.privet.contracts.ids.TargetGroupArn;
import dev.privet.gateway.Backend;
import dev.privet.gateway.query.QueryCall;
import dev.privet.gateway.query.QueryFault;
import dev.privet.gateway.query.Shown;
import io.vertx.core.json.JsonObject;

/**
 * What the Elastic Load Balancing actions share. Its API names load balancers and target groups by ARN; network-
 * service's JSON API by name, so an ARN is read for its name, and the resource found must carry that very ARN.
 */
final class Elb {
    /** ELBv2's page sizes: {@code PageSize} 1 to 400. */
    static final int MAX_PAGE = 400;

    private Elb() {
    }

    /** The caller's load balancer with that ARN. */
    static JsonObject loadBalancer(QueryCall call, String arn) {
        String name = LoadBalancerArn.name(arn).orElseThrow(() -> QueryFault.invalidValue(
                Shown.of(arn) + " is not a valid load balancer ARN"));
        JsonObject lb = call.services().get(Backend.NETWORK, "/v1/load-balancers/" + name, call.caller());
        if (!arn.equals(lb.getString("loadBalancerArn"))) {
            throw loadBalancerNotFound(arn);
        }
        return lb;
    }

    /** The caller's target group with that ARN. */
    static JsonObject targetGroup(QueryCall call, String arn) {
        String name = TargetGroupArn.name(arn).orElseThrow(() -> QueryFault.invalidValue(
                Shown.of(arn) + " is not a valid target group ARN"));
        JsonObject group = call.services().get(Backend.NETWORK, "/v1/target-groups/" + name, call.caller());
        if (!arn.equals(group.getString("targetGroupArn"))) {
            throw targetGroupNotFound(arn);
        }
        return group;
    }

    /** A load balancer's or target group's name, as Elastic Load Balancing allows it. */
    static String name(String name) {
        if (!LoadBalancerArn.isValidName(name)) {
            throw QueryFault.of(ErrorCode.VALIDATION_ERROR, "The name " + Shown.of(name) + " must be 1 to 32 "
                    + "letters, digits or hyphens, and must not begin or end with a hyphen");
        }
        return name;
    }

    static QueryFault loadBalancerNotFound(String arnOrName) {
        return QueryFault.of(ErrorCode.LOAD_BALANCER_NOT_FOUND, "Load balancers '[" + arnOrName + "]' not found");
    }

    static QueryFault listenerNotFound(String arn) {
        return QueryFault.of(ErrorCode.LISTENER_NOT_FOUND, "One or more listeners not found: " + Shown.of(arn));
    }

    static QueryFault targetGroupNotFound(String arnOrName) {
        return QueryFault.of(ErrorCode.TARGET_GROUP_NOT_FOUND, "Target groups '[" + arnOrName + "]' not found");
    }
}
