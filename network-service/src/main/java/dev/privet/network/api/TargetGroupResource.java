package dev.privet.network.api;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.NetworkEvent.TargetGroupCreated;
import dev.privet.contracts.events.Values.HealthCheck;
import dev.privet.contracts.events.Values.RegisteredTarget;
import dev.privet.contracts.events.Values.Target;
import dev.privet.contracts.events.Values.TargetGroupAttributes;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.ids.LoadBalancerArn;
import dev.privet.network.api.NetworkDtos.Attribute;
import dev.privet.network.api.NetworkDtos.ChangeTargets;
import dev.privet.network.api.NetworkDtos.CreateTargetGroup;
import dev.privet.network.api.NetworkDtos.HealthCheckRequest;
import dev.privet.network.api.NetworkDtos.TargetGroup;
import dev.privet.network.api.NetworkDtos.TargetHealth;
import dev.privet.network.api.NetworkDtos.TargetRequest;
import dev.privet.network.app.NetworkCommands;
import dev.privet.network.dataplane.Forwarders;
import dev.privet.network.domain.TargetGroup.Command.ModifyAttributes;
import dev.privet.network.projection.LoadBalancerRow;
import dev.privet.network.projection.TargetGroupRow;
import dev.privet.runtime.Caller;
import dev.privet.runtime.IdempotencyKey;
import dev.privet.runtime.tags.RequestedTags;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Target groups, as Elastic Load Balancing has them for network load balancers: a protocol, port and VPC, the
 * targets registered in it (IP addresses, or instance ids), and the listeners that forward to it.
 */
@Path("/v1/target-groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TargetGroupResource {
    private static final Set<String> TARGET_TYPES = Set.of("instance", "ip");
    private static final Set<String> HEALTH_PROTOCOLS = Set.of("TCP", "HTTP", "HTTPS");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern INSTANCE = Pattern.compile("i-([0-9a-f]{8}|[0-9a-f]{17})");
    /** AWS takes at most 1000 targets in one call, and no more fit in a group. */
    static final int MAX_TARGETS_PER_CALL = 1000;

    private final NetworkCommands commands;
    private final Forwarders dataPlane;

    TargetGroupResource(NetworkCommands commands, Forwarders dataPlane) {
        this.dataPlane = dataPlane;
        this.commands = commands;
    }

    @POST
    public Response create(@HeaderParam(Caller.HEADER) String account,
                           @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, CreateTargetGroup body) {
        AccountId caller = Caller.require(account);
        RequestFields.present(body, "body");
        String name = RequestFields.text(body.name(), "name", 32);
        if (!LoadBalancerArn.isValidName(name)) {
            throw Rejection.invalidValue("name", "name must be 1 to 32 letters, digits or hyphens, not starting or "
                    + "ending with a hyphen");
        }
        String protocol = oneOf(RequestFields.text(body.protocol(), "protocol", 16), RequestFields.PROTOCOLS, "protocol");
        int port = RequestFields.port(body.port(), "port");
        String vpcId = RequestFields.id(body.vpcId(), IdFormat.VPC, "vpcId");
        String targetType = oneOf(body.targetType() == null ? "instance" : body.targetType(), TARGET_TYPES,
                "targetType");
        HealthCheck healthCheck = healthCheck(body.healthCheck());
        var tags = RequestedTags.of(body.tags(), "tags");
        TargetGroupCreated group = commands.createTargetGroup(caller, IdempotencyKey.of(caller, idempotencyKey, body),
                name, protocol, port, vpcId, targetType, healthCheck, tags);
        return Response.status(201).entity(new TargetGroup(group.targetGroupArn(), group.name(), group.protocol(),
                group.port(), group.vpcId(), group.targetType(), group.healthCheck(), List.of(), group.ownerId()))
                .build();
    }

    @GET
    public List<TargetGroup> list(@HeaderParam(Caller.HEADER) String account) {
        AccountId caller = Caller.require(account);
        List<LoadBalancerRow> balancers = LoadBalancerRow.ownedBy(caller.value());
        return TargetGroupRow.ownedBy(caller.value()).stream()
                .map(row -> TargetGroup.of(row, forwardingTo(balancers, row.targetGroupArn))).toList();
    }

    @GET
    @Path("/{name}")
    public TargetGroup get(@HeaderParam(Caller.HEADER) String account, @PathParam("name") String name) {
        AccountId caller = Caller.require(account);
        TargetGroupRow row = owned(caller, name);
        return TargetGroup.of(row, forwardingTo(LoadBalancerRow.ownedBy(caller.value()), row.targetGroupArn));
    }

    /** Deletes the group: 204; 409 {@code ResourceInUse} while a listener forwards to it. */
    @DELETE
    @Path("/{name}")
    public Response delete(@HeaderParam(Caller.HEADER) String account, @PathParam("name") String name) {
        AccountId caller = Caller.require(account);
        commands.deleteTargetGroup(caller, owned(caller, name).targetGroupArn);
        return Response.noContent().build();
    }

    /** The targets registered in the group, with their health. */
    @GET
    @Path("/{name}/targets")
    public List<TargetHealth> targets(@HeaderParam(Caller.HEADER) String account, @PathParam("name") String name) {
        AccountId caller = Caller.require(account);
        TargetGroupRow row = owned(caller, name);
        return health(caller, row, row.targets);
    }

    /** Registers and deregisters targets; a target already registered, or not registered, changes nothing. */
    @POST
    @Path("/{name}/targets")
    public List<TargetHealth> changeTargets(@HeaderParam(Caller.HEADER) String account,
                                            @PathParam("name") String name, ChangeTargets body) {
        AccountId caller = Caller.require(account);
        RequestFields.present(body, "body");
        TargetGroupRow row = owned(caller, name);
        List<RegisteredTarget> register = targets(body.registerTargets(), "registerTargets", row);
        List<RegisteredTarget> deregister = targets(body.deregisterTargets(), "deregisterTargets", row);
        if (register.isEmpty() && deregister.isEmpty()) {
            throw Rejection.missing("registerTargets");
        }
        var group = commands.changeTargets(caller, row.targetGroupArn, register, deregister);
        return health(caller, row, group.targets());
    }

    /** The targets with their health: what this replica's checks have shown, once a listener forwards to them. */
    private List<TargetHealth> health(AccountId caller, TargetGroupRow row, Collection<RegisteredTarget> targets) {
        boolean inUse = !forwardingTo(LoadBalancerRow.ownedBy(caller.value()), row.targetGroupArn).isEmpty();
        return targets.stream().map(t -> TargetHealth.of(t, inUse, "ip".equals(row.targetType),
                dataPlane.healthOf(row.targetGroupArn, new Target(t.id(), t.port())))).toList();
    }

    /** The group's attributes that Privet acts on, with Elastic Load Balancing's keys. */
    @GET
    @Path("/{name}/attributes")
    public List<Attribute> attributes(@HeaderParam(Caller.HEADER) String account, @PathParam("name") String name) {
        return Attribute.of(owned(Caller.require(account), name).attributes);
    }

    /** Changes the attributes named; the answer is all of them. Bad input changes none of them. */
    @POST
    @Path("/{name}/attributes")
    public List<Attribute> modifyAttributes(@HeaderParam(Caller.HEADER) String account, @PathParam("name") String name,
                                            NetworkDtos.ModifyAttributes body) {
        AccountId caller = Caller.require(account);
        Integer delay = null;
        Boolean proxy = null;
        for (RequestedAttribute attribute : RequestedAttribute.of(body)) {
            switch (attribute.key()) {
                case TargetGroupAttributes.DEREGISTRATION_DELAY -> delay = attribute.number(0, 3600);
                case TargetGroupAttributes.PROXY_PROTOCOL_V2 -> proxy = attribute.bool();
                default -> throw attribute.unrecognized();
            }
        }
        TargetGroupRow row = owned(caller, name);
        return Attribute.of(commands.modifyTargetGroupAttributes(caller, row.targetGroupArn,
                new ModifyAttributes(delay, proxy)).attributes());
    }

    static TargetGroupRow owned(AccountId caller, String name) {
        return TargetGroupRow.findOwned(caller.value(), name).orElseThrow(() -> Rejection.notFound(
                ErrorCode.TARGET_GROUP_NOT_FOUND, "name", "Target groups '" + shown(name) + "' not found"));
    }

    /** The load balancers with a listener forwarding to the group. */
    private static List<String> forwardingTo(List<LoadBalancerRow> balancers, String targetGroupArn) {
        return balancers.stream().filter(lb -> lb.listeners.stream()
                .anyMatch(l -> targetGroupArn.equals(l.targetGroupArn()))).map(lb -> lb.loadBalancerArn).toList();
    }

    private static List<RegisteredTarget> targets(List<TargetRequest> requested, String field, TargetGroupRow group) {
        if (requested == null) {
            return List.of();
        }
        RequestFields.atMost(requested, MAX_TARGETS_PER_CALL, field);
        List<RegisteredTarget> targets = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            TargetRequest t = requested.get(i);
            String at = field + "[" + i + "]";
            RequestFields.present(t, at);
            String id = RequestFields.text(t.id(), at + ".id", 64);
            boolean valid = "ip".equals(group.targetType) ? IPV4.matcher(id).matches() : INSTANCE.matcher(id).matches();
            if (!valid) {
                throw Rejection.invalid(ErrorCode.INVALID_TARGET, at + ".id", "The target " + shown(id) + " is not "
                        + ("ip".equals(group.targetType) ? "an IPv4 address" : "an instance id (i-...)")
                        + ", as target type " + group.targetType + " requires");
            }
            targets.add(new RegisteredTarget(id, t.port() == null ? group.port : RequestFields.port(t.port(), at + ".port")));
        }
        return targets;
    }

    private static HealthCheck healthCheck(HealthCheckRequest asked) {
        HealthCheck d = HealthCheck.DEFAULT;
        if (asked == null) {
            return d;
        }
        String protocol = asked.protocol() == null ? d.protocol()
                : oneOf(asked.protocol(), HEALTH_PROTOCOLS, "healthCheck.protocol");
        String port = asked.port() == null || asked.port().equals("traffic-port") ? d.port()
                : Integer.toString(RequestFields.port(integerOf(asked.port()), "healthCheck.port"));
        return new HealthCheck(protocol, port,
                within(asked.intervalSeconds(), d.intervalSeconds(), 5, 300, "healthCheck.intervalSeconds"),
                within(asked.timeoutSeconds(), d.timeoutSeconds(), 2, 120, "healthCheck.timeoutSeconds"),
                within(asked.healthyThreshold(), d.healthyThreshold(), 2, 10, "healthCheck.healthyThreshold"),
                within(asked.unhealthyThreshold(), d.unhealthyThreshold(), 2, 10, "healthCheck.unhealthyThreshold"),
                path(asked.path(), protocol));
    }

    /** An HTTP or HTTPS check's path, as Elastic Load Balancing bounds it; a TCP check has none. */
    private static String path(String path, String protocol) {
        if (path == null) {
            return null;
        }
        if (protocol.equals("TCP")) {
            throw Rejection.invalidValue("healthCheck.path", "A TCP health check has no path");
        }
        String checked = RequestFields.text(path, "healthCheck.path", 1024);
        if (!checked.startsWith("/")) {
            throw Rejection.invalidValue("healthCheck.path", "A health check path starts with /, got " + shown(checked));
        }
        return checked;
    }

    /** The number, or null when the text is not one. */
    private static Integer integerOf(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int within(Integer value, int fallback, int min, int max, String field) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw Rejection.invalidValue(field, field + " must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    static String oneOf(String value, Set<String> allowed, String field) {
        if (!allowed.contains(value)) {
            throw Rejection.invalidValue(field, field + " must be one of " + new java.util.TreeSet<>(allowed)
                    + ", got " + shown(value));
        }
        return value;
    }

    private static String shown(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
