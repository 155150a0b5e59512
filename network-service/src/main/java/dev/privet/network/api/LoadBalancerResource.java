package dev.privet.network.api;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.Values.Listener;
import dev.privet.contracts.events.Values.Target;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.ids.LoadBalancerArn;
import dev.privet.network.api.NetworkDtos.CreateLoadBalancer;
import dev.privet.network.api.NetworkDtos.LoadBalancer;
import dev.privet.network.app.NetworkCommands;
import dev.privet.network.projection.LoadBalancerRow;
import dev.privet.runtime.Caller;
import dev.privet.runtime.IdempotencyKey;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Set;

/** Load balancers: a name, a type, subnets of one VPC, listeners, and the targets behind them. */
@Path("/v1/load-balancers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LoadBalancerResource {
    private static final Set<String> TYPES = Set.of("network", "gateway");
    private static final Set<String> PROTOCOLS = Set.of("TCP", "TLS", "UDP", "TCP_UDP");

    private final NetworkCommands commands;

    LoadBalancerResource(NetworkCommands commands) {
        this.commands = commands;
    }

    @POST
    public Response create(@HeaderParam(Caller.HEADER) String account,
                           @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, CreateLoadBalancer body) {
        AccountId caller = Caller.require(account);
        RequestFields.present(body, "body");
        String name = RequestFields.text(body.name(), "name", 32);
        if (!LoadBalancerArn.isValidName(name)) {
            throw Rejection.invalidValue("name", "name must be 1 to 32 letters, digits or hyphens, not starting or ending with a hyphen");
        }
        String type = body.type() == null ? "network" : body.type();
        if (!TYPES.contains(type)) {
            throw Rejection.invalidValue("type", "type must be network or gateway, got '" + type + "'");
        }
        List<String> subnetIds = RequestFields.ids(body.subnetIds(), IdFormat.SUBNET, "subnetIds",
                RequestFields.MAX_SUBNETS);
        List<Listener> listeners = listeners(body.listeners());
        List<Target> targets = targets(body.targets());
        LoadBalancerCreated lb = commands.createLoadBalancer(caller, IdempotencyKey.of(caller, idempotencyKey, body),
                name, type, subnetIds, listeners, targets);
        return Response.status(201).entity(new LoadBalancer(lb.loadBalancerArn(), lb.name(), lb.type(), lb.vpcId(),
                lb.subnetIds(), lb.listeners(), lb.targets(), lb.ownerId(), "active")).build();
    }

    @GET
    public List<LoadBalancer> list(@HeaderParam(Caller.HEADER) String account) {
        AccountId caller = Caller.require(account);
        return LoadBalancerRow.ownedBy(caller.value()).stream().map(LoadBalancer::of).toList();
    }

    @GET
    @Path("/{name}")
    public LoadBalancer get(@HeaderParam(Caller.HEADER) String account, @PathParam("name") String name) {
        AccountId caller = Caller.require(account);
        return LoadBalancerRow.findOwned(caller.value(), name).map(LoadBalancer::of).orElseThrow(() ->
                Rejection.notFound(ErrorCode.LOAD_BALANCER_NOT_FOUND, "name", "no load balancer named '" + name + "'"));
    }

    private static List<Listener> listeners(List<Listener> listeners) {
        if (listeners == null || listeners.isEmpty()) {
            throw Rejection.missing("listeners");
        }
        RequestFields.atMost(listeners, RequestFields.MAX_LISTENERS, "listeners");
        for (int i = 0; i < listeners.size(); i++) {
            Listener l = listeners.get(i);
            String field = "listeners[" + i + "]";
            if (l == null) {
                throw Rejection.missing(field);
            }
            String protocol = l.protocol() == null ? "TCP" : l.protocol();
            if (!PROTOCOLS.contains(protocol)) {
                throw Rejection.invalidValue(field + ".protocol", "protocol must be one of " + PROTOCOLS);
            }
            RequestFields.port(l.port(), field + ".port");
        }
        if (listeners.stream().map(Listener::port).distinct().count() != listeners.size()) {
            throw Rejection.invalidValue("listeners", "two listeners use the same port");
        }
        return listeners.stream().map(l -> new Listener(l.protocol() == null ? "TCP" : l.protocol(), l.port())).toList();
    }

    private static List<Target> targets(List<Target> targets) {
        if (targets == null) {
            return List.of();
        }
        RequestFields.atMost(targets, RequestFields.MAX_TARGETS, "targets");
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            String field = "targets[" + i + "]";
            if (t == null) {
                throw Rejection.missing(field);
            }
            RequestFields.text(t.host(), field + ".host", RequestFields.MAX_HOST_LENGTH);
            RequestFields.port(t.port(), field + ".port");
        }
        return targets;
    }
}
