package dev.privet.network.api;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.Values.Listener;
import dev.privet.contracts.events.Values.Target;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.ids.LoadBalancerArn;
import dev.privet.contracts.ids.TargetGroupArn;
import dev.privet.network.api.NetworkDtos.Attribute;
import dev.privet.network.api.NetworkDtos.CreateListener;
import dev.privet.network.api.NetworkDtos.CreateLoadBalancer;
import dev.privet.network.api.NetworkDtos.ListenerView;
import dev.privet.network.api.NetworkDtos.LoadBalancer;
import dev.privet.network.app.NetworkCommands;
import dev.privet.network.projection.LoadBalancerRow;
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

import java.util.List;
import java.util.Set;

/**
 * Load balancers: a name, a type, subnets of one VPC, and listeners. Listeners made with the load balancer forward to
 * the targets given with it; listeners added later forward to a target group.
 */
@Path("/v1/load-balancers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LoadBalancerResource {
    private static final Set<String> TYPES = Set.of("network", "gateway");
    private static final Set<String> SCHEMES = Set.of(LoadBalancerCreated.INTERNAL,
            LoadBalancerCreated.INTERNET_FACING);

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
        String scheme = body.scheme() == null ? LoadBalancerCreated.INTERNET_FACING : body.scheme();
        if (!SCHEMES.contains(scheme)) {
            throw Rejection.invalidValue("scheme", "scheme must be internal or internet-facing, got '" + scheme + "'");
        }
        var tags = RequestedTags.of(body.tags(), "tags");
        LoadBalancerCreated lb = commands.createLoadBalancer(caller, IdempotencyKey.of(caller, idempotencyKey,
                body.normalized()), name, type, scheme, subnetIds, listeners, targets, tags);
        return Response.status(201).entity(LoadBalancer.of(lb)).build();
    }

    @GET
    public List<LoadBalancer> list(@HeaderParam(Caller.HEADER) String account) {
        AccountId caller = Caller.require(account);
        return LoadBalancerRow.ownedBy(caller.value()).stream().map(LoadBalancer::of).toList();
    }

    @GET
    @Path("/{name}")
    public LoadBalancer get(@HeaderParam(Caller.HEADER) String account, @PathParam("name") String name) {
        return LoadBalancer.of(owned(Caller.require(account), name));
    }

    /** Deletes the load balancer with its listeners: 204; 409 {@code ResourceInUse} while an endpoint service uses it. */
    @DELETE
    @Path("/{name}")
    public Response delete(@HeaderParam(Caller.HEADER) String account, @PathParam("name") String name) {
        AccountId caller = Caller.require(account);
        commands.deleteLoadBalancer(caller, owned(caller, name).loadBalancerArn);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{name}/listeners/{port}")
    public Response deleteListener(@HeaderParam(Caller.HEADER) String account, @PathParam("name") String name,
                                   @PathParam("port") int port) {
        AccountId caller = Caller.require(account);
        commands.deleteListener(caller, owned(caller, name).loadBalancerArn, RequestFields.port(port, "port"));
        return Response.noContent().build();
    }

    /** The load balancer's listeners: those made with it, and those added since. */
    @GET
    @Path("/{name}/listeners")
    public List<ListenerView> listeners(@HeaderParam(Caller.HEADER) String account, @PathParam("name") String name) {
        LoadBalancerRow lb = owned(Caller.require(account), name);
        return lb.listeners.stream().map(l -> ListenerView.of(lb.loadBalancerArn, l)).toList();
    }

    /** Adds a listener that forwards to one of the caller's target groups in the load balancer's VPC. */
    @POST
    @Path("/{name}/listeners")
    public Response createListener(@HeaderParam(Caller.HEADER) String account, @PathParam("name") String name,
                                   CreateListener body) {
        AccountId caller = Caller.require(account);
        RequestFields.present(body, "body");
        LoadBalancerRow lb = owned(caller, name);
        String protocol = body.protocol() == null ? "TCP"
                : TargetGroupResource.oneOf(body.protocol(), RequestFields.PROTOCOLS, "protocol");
        int port = RequestFields.port(body.port(), "port");
        String targetGroupArn = RequestFields.text(body.targetGroupArn(), "targetGroupArn", 256);
        if (!TargetGroupArn.isValid(targetGroupArn)) {
            throw Rejection.invalidValue("targetGroupArn", "targetGroupArn is not a target group ARN");
        }
        var tags = RequestedTags.of(body.tags(), "tags");
        Listener listener = commands.createListener(caller, lb.loadBalancerArn, protocol, port, targetGroupArn, tags);
        return Response.status(201).entity(ListenerView.of(lb.loadBalancerArn, listener)).build();
    }

    /** The load balancer's attributes, with Elastic Load Balancing's keys, as AWS lists a network load balancer's. */
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
        var change = LoadBalancerAttributeRequest.of(body);
        return Attribute.of(commands.modifyLoadBalancerAttributes(caller, owned(caller, name).loadBalancerArn, change)
                .attributes());
    }

    /** The listener's attributes: its idle timeout, as Privet answers it (see {@link LoadBalancerAttributeRequest}). */
    @GET
    @Path("/{name}/listeners/{port}/attributes")
    public List<Attribute> listenerAttributes(@HeaderParam(Caller.HEADER) String account,
                                              @PathParam("name") String name, @PathParam("port") int port) {
        ownedListener(Caller.require(account), name, port);
        return LoadBalancerAttributeRequest.listenerAttributes();
    }

    /** Takes the listener's idle timeout as it is, and nothing else; the answer is all its attributes. */
    @POST
    @Path("/{name}/listeners/{port}/attributes")
    public List<Attribute> modifyListenerAttributes(@HeaderParam(Caller.HEADER) String account,
                                                    @PathParam("name") String name, @PathParam("port") int port,
                                                    NetworkDtos.ModifyAttributes body) {
        AccountId caller = Caller.require(account);
        LoadBalancerAttributeRequest.checkListener(body);
        ownedListener(caller, name, port);
        return LoadBalancerAttributeRequest.listenerAttributes();
    }

    private static void ownedListener(AccountId caller, String name, int port) {
        LoadBalancerRow lb = owned(caller, name);
        if (lb.listeners.stream().noneMatch(l -> l.port() == port)) {
            throw Rejection.notFound(ErrorCode.LISTENER_NOT_FOUND, "port", "Listener '"
                    + LoadBalancerArn.listenerArn(lb.loadBalancerArn, port) + "' not found");
        }
    }

    private static LoadBalancerRow owned(AccountId caller, String name) {
        return LoadBalancerRow.findOwned(caller.value(), name).orElseThrow(() -> Rejection.notFound(
                ErrorCode.LOAD_BALANCER_NOT_FOUND, "name", "no load balancer named '" + name + "'"));
    }

    private static List<Listener> listeners(List<Listener> listeners) {
        if (listeners == null) {
            return List.of(); // as in Elastic Load Balancing: listeners can be added later
        }
        RequestFields.atMost(listeners, RequestFields.MAX_LISTENERS, "listeners");
        for (int i = 0; i < listeners.size(); i++) {
            Listener l = listeners.get(i);
            String field = "listeners[" + i + "]";
            if (l == null) {
                throw Rejection.missing(field);
            }
            String protocol = l.protocol() == null ? "TCP" : l.protocol();
            if (!RequestFields.PROTOCOLS.contains(protocol)) {
                throw Rejection.invalidValue(field + ".protocol", "protocol must be one of " + RequestFields.PROTOCOLS);
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
