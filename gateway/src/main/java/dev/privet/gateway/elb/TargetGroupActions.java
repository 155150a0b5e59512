package dev.privet.gateway.elb;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.gateway.Backend;
import dev.privet.gateway.query.JsonLists;
import dev.privet.gateway.query.Listing;
import dev.privet.gateway.query.QueryAction;
import dev.privet.gateway.query.QueryActions;
import dev.privet.gateway.query.QueryCall;
import dev.privet.gateway.query.QueryFault;
import dev.privet.gateway.query.QueryParameters;
import dev.privet.gateway.query.QueryProtocol;
import dev.privet.gateway.query.XmlBody;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Target groups and their targets, on network-service's {@code /v1/target-groups}. A target is {@code unused} until
 * a listener forwards to its group, then as network-service's health checks found it ({@code initial},
 * {@code healthy}, {@code unhealthy}).
 */
@ApplicationScoped
public class TargetGroupActions implements QueryActions {
    static final Listing<JsonObject> LISTING = Listing.<JsonObject>of(g -> g.getString("targetGroupArn"))
            .ids("TargetGroupArns.member", Elb::targetGroupNotFound)
            .ids("Names.member", g -> g.getString("targetGroupName"), Elb::targetGroupNotFound)
            .paging("PageSize", "Marker", 1, Elb.MAX_PAGE);

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.ELBV2;
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of(
                "CreateTargetGroup", this::create,
                "DescribeTargetGroups", this::describe,
                "RegisterTargets", call -> change(call, "registerTargets"),
                "DeregisterTargets", call -> change(call, "deregisterTargets"),
                "DescribeTargetHealth", this::health,
                "DescribeTargetGroupAttributes", this::attributes,
                "ModifyTargetGroupAttributes", this::modifyAttributes,
                "DeleteTargetGroup", this::delete);
    }

    private Consumer<XmlBody> create(QueryCall call) {
        QueryParameters p = call.params();
        JsonObject request = new JsonObject()
                .put("name", Elb.name(p.required("Name")))
                .put("protocol", p.required("Protocol"))
                .put("port", p.integer("Port", 1, 65535).orElseThrow(() -> QueryFault.missing("Port")))
                .put("vpcId", p.required("VpcId"))
                .put("targetType", p.optional("TargetType").orElse("instance"));
        JsonObject health = new JsonObject();
        p.optional("HealthCheckProtocol").ifPresent(v -> health.put("protocol", v));
        p.optional("HealthCheckPort").ifPresent(v -> health.put("port", v));
        p.optional("HealthCheckPath").ifPresent(v -> health.put("path", v));
        p.integer("HealthCheckIntervalSeconds", 5, 300).ifPresent(v -> health.put("intervalSeconds", v));
        p.integer("HealthCheckTimeoutSeconds", 2, 120).ifPresent(v -> health.put("timeoutSeconds", v));
        p.integer("HealthyThresholdCount", 2, 10).ifPresent(v -> health.put("healthyThreshold", v));
        p.integer("UnhealthyThresholdCount", 2, 10).ifPresent(v -> health.put("unhealthyThreshold", v));
        if (!p.bool("HealthCheckEnabled", true)) {
            throw QueryFault.invalidValue("A network load balancer's target group always has its health check on");
        }
        p.optional("IpAddressType").filter(t -> !t.equals("ipv4")).ifPresent(t -> {
            throw QueryFault.invalidValue("IpAddressType " + t + " is not supported; only ipv4 is");
        });
        JsonArray tags = TagActions.tags(p);
        p.done();
        request.put("healthCheck", health);
        if (!tags.isEmpty()) {
            request.put("tags", tags);
        }
        String name = request.getString("name");
        JsonObject group;
        try {
            group = call.services().post(Backend.NETWORK, "/v1/target-groups", call.caller(), request,
                    Optional.of("CreateTargetGroup:" + name));
        } catch (QueryFault fault) {
            throw fault.code() == ErrorCode.IDEMPOTENT_PARAMETER_MISMATCH ? QueryFault.of(
                    ErrorCode.DUPLICATE_TARGET_GROUP_NAME, "A target group with the same name '" + name
                            + "' exists, but with different settings") : TagActions.asElb(fault);
        }
        return body -> body.members("TargetGroups", List.of(group), TargetGroupActions::write);
    }

    private Consumer<XmlBody> describe(QueryCall call) {
        var selection = LISTING.read(call.params());
        Optional<String> loadBalancer = call.params().optional("LoadBalancerArn");
        call.params().done();
        List<JsonObject> groups = JsonLists.objects(call.services().list(Backend.NETWORK, "/v1/target-groups",
                call.caller()));
        if (loadBalancer.isPresent()) {
            String arn = Elb.loadBalancer(call, loadBalancer.get()).getString("loadBalancerArn");
            groups = groups.stream().filter(g -> JsonLists.strings(g, "loadBalancerArns").contains(arn)).toList();
        }
        var page = selection.select(groups);
        return body -> {
            body.members("TargetGroups", page.items(), TargetGroupActions::write);
            page.nextToken().ifPresent(token -> body.text("NextMarker", token));
        };
    }

    /** Deletes the group; {@code ResourceInUse} while a listener forwards to it. */
    private Consumer<XmlBody> delete(QueryCall call) {
        String arn = call.params().required("TargetGroupArn");
        call.params().done();
        String name = Elb.targetGroup(call, arn).getString("targetGroupName");
        call.services().delete(Backend.NETWORK, "/v1/target-groups/" + name, call.caller());
        return body -> { };
    }

    /** The attributes Privet acts on: {@code deregistration_delay.timeout_seconds}, {@code proxy_protocol_v2.enabled}. */
    private Consumer<XmlBody> attributes(QueryCall call) {
        String arn = call.params().required("TargetGroupArn");
        call.params().done();
        String name = Elb.targetGroup(call, arn).getString("targetGroupName");
        return ElbAttributes.body(call, "/v1/target-groups/" + name + "/attributes", Optional.empty());
    }

    /** The answer is every attribute, as in AWS. */
    private Consumer<XmlBody> modifyAttributes(QueryCall call) {
        QueryParameters p = call.params();
        String arn = p.required("TargetGroupArn");
        JsonObject request = ElbAttributes.request(p);
        p.done();
        String name = Elb.targetGroup(call, arn).getString("targetGroupName");
        return ElbAttributes.body(call, "/v1/target-groups/" + name + "/attributes", Optional.of(request));
    }

    /** Register or deregister: {@code Targets.member.N.Id} and {@code .Port}; the answer is empty, as in AWS. */
    private Consumer<XmlBody> change(QueryCall call, String field) {
        QueryParameters p = call.params();
        String arn = p.required("TargetGroupArn");
        JsonArray targets = targets(p);
        if (targets.isEmpty()) {
            throw QueryFault.missing("Targets.member.1.Id");
        }
        p.done();
        String name = Elb.targetGroup(call, arn).getString("targetGroupName");
        call.services().postForList(Backend.NETWORK, "/v1/target-groups/" + name + "/targets", call.caller(),
                new JsonObject().put(field, targets));
        return body -> { };
    }

    private Consumer<XmlBody> health(QueryCall call) {
        QueryParameters p = call.params();
        String arn = p.required("TargetGroupArn");
        JsonArray asked = targets(p);
        p.done();
        JsonObject group = Elb.targetGroup(call, arn);
        List<JsonObject> registered = JsonLists.objects(call.services().list(Backend.NETWORK, "/v1/target-groups/"
                + group.getString("targetGroupName") + "/targets", call.caller()));
        List<JsonObject> health = asked.isEmpty() ? registered : new ArrayList<>();
        for (Object t : asked) {
            JsonObject target = (JsonObject) t;
            int port = target.getInteger("port", group.getInteger("port"));
            health.add(registered.stream().filter(h -> h.getString("id").equals(target.getString("id"))
                    && h.getInteger("port") == port).findFirst().orElse(new JsonObject()
                    .put("id", target.getString("id")).put("port", port).put("state", "unused")
                    .put("reason", "Target.NotRegistered").put("description", "Target is not registered")));
        }
        String healthPort = group.getJsonObject("healthCheck").getString("port");
        return body -> body.members("TargetHealthDescriptions", health, (out, h) -> out
                .element("Target", t -> t.text("Id", h.getString("id")).text("Port", h.getInteger("port")))
                .text("HealthCheckPort", "traffic-port".equals(healthPort) ? h.getInteger("port").toString() : healthPort)
                .element("TargetHealth", t -> t.text("State", h.getString("state"))
                        .text("Reason", h.getString("reason")).text("Description", h.getString("description"))));
    }

    /** {@code Targets.member.N.Id} and {@code .Port} (the group's port when left out). */
    private static JsonArray targets(QueryParameters p) {
        JsonArray targets = new JsonArray();
        List<Map<String, String>> members = p.members("Targets.member", Set.of("Id", "Port", "AvailabilityZone"));
        for (int i = 0; i < members.size(); i++) {
            Map<String, String> member = members.get(i);
            String id = member.get("Id");
            if (id == null) {
                throw QueryFault.missing("Targets.member." + (i + 1) + ".Id");
            }
            JsonObject target = new JsonObject().put("id", id);
            if (member.containsKey("Port")) {
                try {
                    target.put("port", Integer.parseInt(member.get("Port")));
                } catch (NumberFormatException e) {
                    throw QueryFault.invalidValue("Targets.member." + (i + 1) + ".Port must be a port number");
                }
            }
            targets.add(target);
        }
        return targets;
    }

    static void write(XmlBody out, JsonObject g) {
        JsonObject health = g.getJsonObject("healthCheck");
        out.text("TargetGroupArn", g.getString("targetGroupArn"))
                .text("TargetGroupName", g.getString("targetGroupName"))
                .text("Protocol", g.getString("protocol"))
                .text("Port", g.getInteger("port"))
                .text("VpcId", g.getString("vpcId"))
                .text("HealthCheckProtocol", health.getString("protocol"))
                .text("HealthCheckPort", health.getString("port"))
                .text("HealthCheckPath", health.getString("path"))
                .text("HealthCheckEnabled", true)
                .text("HealthCheckIntervalSeconds", health.getInteger("intervalSeconds"))
                .text("HealthCheckTimeoutSeconds", health.getInteger("timeoutSeconds"))
                .text("HealthyThresholdCount", health.getInteger("healthyThreshold"))
                .text("UnhealthyThresholdCount", health.getInteger("unhealthyThreshold"))
                .memberValues("LoadBalancerArns", JsonLists.strings(g, "loadBalancerArns"))
                .text("TargetType", g.getString("targetType"))
                .text("IpAddressType", "ipv4");
    }
}
