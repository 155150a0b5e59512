package dev.privet.gateway.elb;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.ids.LoadBalancerArn;
import dev.privet.gateway.Backend;
import dev.privet.gateway.query.JsonLists;
import dev.privet.gateway.query.Listing;
import dev.privet.gateway.query.QueryAction;
import dev.privet.gateway.query.QueryActions;
import dev.privet.gateway.query.QueryCall;
import dev.privet.gateway.query.QueryFault;
import dev.privet.gateway.query.QueryParameters;
import dev.privet.gateway.query.QueryProtocol;
import dev.privet.gateway.query.Shown;
import dev.privet.gateway.query.XmlBody;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Network and gateway load balancers and their listeners, on network-service's {@code /v1/load-balancers}. As in
 * AWS, creating a load balancer or target group again with the same name and settings answers the one that exists:
 * the name is the request's idempotency key.
 */
@ApplicationScoped
public class LoadBalancerActions implements QueryActions {
    static final Set<String> TYPES = Set.of("network", "gateway");
    static final Listing<JsonObject> LISTING = Listing.<JsonObject>of(lb -> lb.getString("loadBalancerArn"))
            .ids("LoadBalancerArns.member", Elb::loadBalancerNotFound)
            .ids("Names.member", lb -> lb.getString("loadBalancerName"), Elb::loadBalancerNotFound)
            .paging("PageSize", "Marker", 1, Elb.MAX_PAGE);
    static final Listing<JsonObject> LISTENERS = Listing.<JsonObject>of(l -> l.getString("listenerArn"))
            .ids("ListenerArns.member", Elb::listenerNotFound)
            .paging("PageSize", "Marker", 1, Elb.MAX_PAGE);

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.ELBV2;
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of(
                "CreateLoadBalancer", this::create,
                "DescribeLoadBalancers", this::describe,
                "DeleteLoadBalancer", this::delete,
                "CreateListener", this::createListener,
                "DescribeListeners", this::describeListeners,
                "DeleteListener", this::deleteListener,
                "DescribeLoadBalancerAttributes", call -> attributes(call, false),
                "ModifyLoadBalancerAttributes", call -> attributes(call, true),
                "DescribeListenerAttributes", call -> listenerAttributes(call, false),
                "ModifyListenerAttributes", call -> listenerAttributes(call, true));
    }

    private Consumer<XmlBody> create(QueryCall call) {
        QueryParameters p = call.params();
        String name = Elb.name(p.required("Name"));
        String type = p.optional("Type").orElse("application");
        if (!TYPES.contains(type)) {
            throw QueryFault.of(ErrorCode.VALIDATION_ERROR, "Type " + Shown.of(type) + " is not supported: Privet "
                    + "makes network and gateway load balancers (and AWS's default is application)");
        }
        Set<String> subnets = new LinkedHashSet<>(p.list("Subnets.member"));
        p.members("SubnetMappings.member", Set.of("SubnetId")).forEach(m -> subnets.add(m.get("SubnetId")));
        if (subnets.isEmpty()) {
            throw QueryFault.missing("Subnets.member.1");
        }
        Optional<String> scheme = p.optional("Scheme");
        scheme.filter(s -> !s.equals("internal") && !s.equals("internet-facing")).ifPresent(s -> {
            throw QueryFault.invalidValue("Scheme must be internal or internet-facing, not " + Shown.of(s));
        });
        p.optional("IpAddressType").filter(t -> !t.equals("ipv4")).ifPresent(t -> {
            throw QueryFault.invalidValue("IpAddressType " + Shown.of(t) + " is not supported; only ipv4 is");
        });
        JsonArray tags = TagActions.tags(p);
        p.done();
        JsonObject request = new JsonObject().put("name", name).put("type", type)
                .put("subnetIds", new JsonArray(List.copyOf(subnets)));
        scheme.ifPresent(s -> request.put("scheme", s));
        if (!tags.isEmpty()) {
            request.put("tags", tags);
        }
        JsonObject lb;
        try {
            lb = call.services().post(Backend.NETWORK, "/v1/load-balancers", call.caller(), request,
                    Optional.of("CreateLoadBalancer:" + name));
        } catch (QueryFault fault) {
            throw fault.code() == ErrorCode.IDEMPOTENT_PARAMETER_MISMATCH ? QueryFault.of(
                    ErrorCode.DUPLICATE_LOAD_BALANCER_NAME, "A load balancer with the same name '" + name
                            + "' exists, but with different settings") : TagActions.asElb(fault);
        }
        Map<String, String> zones = zones(call);
        return body -> body.members("LoadBalancers", List.of(lb), (out, l) -> write(out, l, zones, call.region()));
    }

    private Consumer<XmlBody> describe(QueryCall call) {
        var selection = LISTING.read(call.params());
        call.params().done();
        var page = selection.select(JsonLists.objects(call.services().list(Backend.NETWORK, "/v1/load-balancers",
                call.caller())));
        Map<String, String> zones = page.items().isEmpty() ? Map.of() : zones(call);
        return body -> {
            body.members("LoadBalancers", page.items(), (out, lb) -> write(out, lb, zones, call.region()));
            page.nextToken().ifPresent(token -> body.text("NextMarker", token));
        };
    }

    /** As in AWS, deleting a load balancer that does not exist (or no longer does) succeeds. */
    private Consumer<XmlBody> delete(QueryCall call) {
        String arn = call.params().required("LoadBalancerArn");
        call.params().done();
        JsonObject lb;
        try {
            lb = Elb.loadBalancer(call, arn);
        } catch (QueryFault fault) {
            if (fault.code() == ErrorCode.LOAD_BALANCER_NOT_FOUND) {
                return body -> { };
            }
            throw fault;
        }
        call.services().delete(Backend.NETWORK, "/v1/load-balancers/" + lb.getString("loadBalancerName"),
                call.caller());
        return body -> { };
    }

    private Consumer<XmlBody> deleteListener(QueryCall call) {
        String listenerArn = call.params().required("ListenerArn");
        call.params().done();
        call.services().delete(Backend.NETWORK, listenerPath(call, listenerArn), call.caller());
        return body -> { };
    }

    /**
     * Describe ({@code LoadBalancerArn}) or modify (and {@code Attributes.member.N}) a load balancer's attributes; the
     * answer is all of them, as in AWS.
     */
    private Consumer<XmlBody> attributes(QueryCall call, boolean modify) {
        QueryParameters p = call.params();
        String arn = p.required("LoadBalancerArn");
        Optional<JsonObject> change = modify ? Optional.of(ElbAttributes.request(p)) : Optional.empty();
        p.done();
        return ElbAttributes.body(call, "/v1/load-balancers/" + Elb.loadBalancer(call, arn)
                .getString("loadBalancerName") + "/attributes", change);
    }

    /** A listener's attributes, as {@link #attributes} with {@code ListenerArn}. */
    private Consumer<XmlBody> listenerAttributes(QueryCall call, boolean modify) {
        QueryParameters p = call.params();
        String listenerArn = p.required("ListenerArn");
        Optional<JsonObject> change = modify ? Optional.of(ElbAttributes.request(p)) : Optional.empty();
        p.done();
        return ElbAttributes.body(call, listenerPath(call, listenerArn) + "/attributes", change);
    }

    /** network-service's path of the caller's listener with that ARN: its load balancer's, and its port. */
    private static String listenerPath(QueryCall call, String listenerArn) {
        String name = Elb.loadBalancer(call, loadBalancerOf(listenerArn)).getString("loadBalancerName");
        JsonObject listener = JsonLists.objects(call.services().list(Backend.NETWORK, "/v1/load-balancers/" + name
                        + "/listeners", call.caller())).stream()
                .filter(l -> listenerArn.equals(l.getString("listenerArn"))).findFirst()
                .orElseThrow(() -> Elb.listenerNotFound(listenerArn));
        return "/v1/load-balancers/" + name + "/listeners/" + listener.getInteger("port");
    }

    private Consumer<XmlBody> createListener(QueryCall call) {
        QueryParameters p = call.params();
        String loadBalancerArn = p.required("LoadBalancerArn");
        String protocol = p.optional("Protocol").orElse("TCP");
        int port = p.integer("Port", 1, 65535).orElseThrow(() -> QueryFault.missing("Port"));
        List<Map<String, String>> actions = p.members("DefaultActions.member", Set.of("Type", "TargetGroupArn", "Order"));
        if (actions.size() != 1) {
            throw QueryFault.of(ErrorCode.VALIDATION_ERROR, "A network load balancer listener takes exactly one "
                    + "default action, a forward to one target group");
        }
        Map<String, String> action = actions.getFirst();
        if (!"forward".equals(action.get("Type")) || action.get("TargetGroupArn") == null) {
            throw QueryFault.of(ErrorCode.VALIDATION_ERROR, "The default action must be Type=forward with a "
                    + "TargetGroupArn");
        }
        JsonArray tags = TagActions.tags(p);
        p.done();
        String name = Elb.loadBalancer(call, loadBalancerArn).getString("loadBalancerName");
        JsonObject request = new JsonObject().put("protocol", protocol).put("port", port)
                .put("targetGroupArn", action.get("TargetGroupArn"));
        if (!tags.isEmpty()) {
            request.put("tags", tags);
        }
        JsonObject listener;
        try {
            listener = call.services().post(Backend.NETWORK, "/v1/load-balancers/" + name + "/listeners",
                    call.caller(), request, Optional.empty());
        } catch (QueryFault fault) {
            throw TagActions.asElb(fault);
        }
        return body -> body.members("Listeners", List.of(listener), LoadBalancerActions::writeListener);
    }

    private Consumer<XmlBody> describeListeners(QueryCall call) {
        QueryParameters p = call.params();
        var selection = LISTENERS.read(p);
        Optional<String> loadBalancerArn = p.optional("LoadBalancerArn");
        p.done();
        Set<String> balancers = new LinkedHashSet<>();
        loadBalancerArn.ifPresent(balancers::add);
        for (String listenerArn : selection.named("ListenerArns.member")) {
            balancers.add(loadBalancerOf(listenerArn));
        }
        if (balancers.isEmpty()) {
            throw QueryFault.of(ErrorCode.VALIDATION_ERROR, "Name a LoadBalancerArn or ListenerArns");
        }
        List<JsonObject> listeners = new ArrayList<>();
        for (String arn : balancers) {
            String name = Elb.loadBalancer(call, arn).getString("loadBalancerName");
            listeners.addAll(JsonLists.objects(call.services().list(Backend.NETWORK, "/v1/load-balancers/" + name
                    + "/listeners", call.caller())));
        }
        var page = selection.select(listeners);
        return body -> {
            body.members("Listeners", page.items(), LoadBalancerActions::writeListener);
            page.nextToken().ifPresent(token -> body.text("NextMarker", token));
        };
    }

    static String loadBalancerOf(String listenerArn) {
        return LoadBalancerArn.ofListener(listenerArn).orElseThrow(() -> QueryFault.invalidValue(
                Shown.of(listenerArn) + " is not a valid listener ARN"));
    }

    private static Map<String, String> zones(QueryCall call) {
        return JsonLists.objects(call.services().list(Backend.NETWORK, "/v1/subnets", call.caller())).stream()
                .collect(Collectors.toMap(s -> s.getString("subnetId"), s -> s.getString("availabilityZone")));
    }

    static void write(XmlBody out, JsonObject lb, Map<String, String> zones, String region) {
        String arn = lb.getString("loadBalancerArn");
        String name = lb.getString("loadBalancerName");
        out.text("LoadBalancerArn", arn)
                .text("DNSName", name + "-" + arn.substring(arn.lastIndexOf('/') + 1) + ".elb." + region
                        + ".amazonaws.com")
                .text("LoadBalancerName", name)
                .text("Scheme", lb.getString("scheme"))
                .text("VpcId", lb.getString("vpcId"))
                .element("State", state -> state.text("Code", lb.getString("state")))
                .text("Type", lb.getString("type"))
                .members("AvailabilityZones", JsonLists.strings(lb, "subnetIds"), (zone, subnet) -> zone
                        .text("ZoneName", zones.get(subnet)).text("SubnetId", subnet))
                .text("IpAddressType", "ipv4");
    }

    static void writeListener(XmlBody out, JsonObject l) {
        out.text("ListenerArn", l.getString("listenerArn"))
                .text("LoadBalancerArn", l.getString("loadBalancerArn"))
                .text("Port", l.getInteger("port"))
                .text("Protocol", l.getString("protocol"))
                .members("DefaultActions", List.of(l), (action, a) -> action.text("Type", "forward")
                        .text("TargetGroupArn", a.getString("targetGroupArn")));
    }
}
