package dev.privet.gateway.elb;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.ids.LoadBalancerArn;
import dev.privet.contracts.ids.TargetGroupArn;
import dev.privet.gateway.Backend;
import dev.privet.gateway.query.JsonLists;
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

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Elastic Load Balancing's AddTags, RemoveTags and DescribeTags, on load balancers, listeners and target groups by
 * ARN. Their tags live in network-service beside the EC2 resources' ({@code /v1/tags}), under the same rules (at most
 * 50 on a resource, keys up to 128 characters, not {@code aws:}).
 */
@ApplicationScoped
public class TagActions implements QueryActions {
    /** As in Elastic Load Balancing: DescribeTags names at most 20 resources. */
    static final int MAX_DESCRIBED = 20;

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.ELBV2;
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of("AddTags", this::add, "RemoveTags", this::remove, "DescribeTags", this::describe);
    }

    private Consumer<XmlBody> add(QueryCall call) {
        QueryParameters p = call.params();
        List<String> arns = arns(p);
        JsonArray tags = tags(p);
        if (tags.isEmpty()) {
            throw QueryFault.missing("Tags.member.1.Key");
        }
        p.done();
        try {
            call.services().post(Backend.NETWORK, "/v1/tags", call.caller(), change(arns, tags), Optional.empty());
        } catch (QueryFault fault) {
            throw asElb(fault);
        }
        return body -> { };
    }

    /** A request's {@code Tags.member.N} as the JSON API takes them; empty when it has none. */
    static JsonArray tags(QueryParameters p) {
        JsonArray tags = new JsonArray();
        for (Map<String, String> tag : p.members("Tags.member", Set.of("Key", "Value"))) {
            if (!tag.containsKey("Key")) {
                throw QueryFault.missing("Tags.member.N.Key");
            }
            tags.add(new JsonObject().put("key", tag.get("Key")).put("value", tag.getOrDefault("Value", "")));
        }
        return tags;
    }

    /** network-service's fault as Elastic Load Balancing names it: too many tags is {@code TooManyTags}. */
    static QueryFault asElb(QueryFault fault) {
        return fault.code() == ErrorCode.TAG_LIMIT_EXCEEDED ? QueryFault.of(ErrorCode.TOO_MANY_TAGS, fault.getMessage())
                : fault;
    }

    private Consumer<XmlBody> remove(QueryCall call) {
        QueryParameters p = call.params();
        List<String> arns = arns(p);
        List<String> keys = p.list("TagKeys.member");
        if (keys.isEmpty()) {
            throw QueryFault.missing("TagKeys.member.1");
        }
        p.done();
        JsonArray tags = new JsonArray();
        keys.forEach(key -> tags.add(new JsonObject().put("key", key)));
        call.services().post(Backend.NETWORK, "/v1/tags/removals", call.caller(), change(arns, tags),
                Optional.empty());
        return body -> { };
    }

    /** Each resource named, with its tags; one that does not exist (or is another account's) is not found. */
    private Consumer<XmlBody> describe(QueryCall call) {
        QueryParameters p = call.params();
        List<String> arns = arns(p);
        if (arns.size() > MAX_DESCRIBED) {
            throw QueryFault.of(ErrorCode.VALIDATION_ERROR, "DescribeTags takes at most " + MAX_DESCRIBED
                    + " resource ARNs");
        }
        p.done();
        Set<String> existing = existing(call, arns);
        for (String arn : arns) {
            if (!existing.contains(arn)) {
                throw LoadBalancerArn.isValid(arn) ? Elb.loadBalancerNotFound(arn)
                        : TargetGroupArn.isValid(arn) ? Elb.targetGroupNotFound(arn) : Elb.listenerNotFound(arn);
            }
        }
        Map<String, JsonArray> tagged = JsonLists.objects(call.services().list(Backend.NETWORK, "/v1/tags",
                        call.caller())).stream()
                .collect(Collectors.toMap(r -> r.getString("resourceId"), r -> r.getJsonArray("tags")));
        return body -> body.members("TagDescriptions", arns, (out, arn) -> out
                .text("ResourceArn", arn)
                .members("Tags", JsonLists.objects(tagged.getOrDefault(arn, new JsonArray())),
                        (tag, t) -> tag.text("Key", t.getString("key")).text("Value", t.getString("value"))));
    }

    /** The ARNs of the caller's load balancers and target groups, and of the listeners of those {@code arns} name. */
    private static Set<String> existing(QueryCall call, List<String> arns) {
        Set<String> existing = new LinkedHashSet<>();
        JsonLists.objects(call.services().list(Backend.NETWORK, "/v1/load-balancers", call.caller()))
                .forEach(lb -> existing.add(lb.getString("loadBalancerArn")));
        JsonLists.objects(call.services().list(Backend.NETWORK, "/v1/target-groups", call.caller()))
                .forEach(group -> existing.add(group.getString("targetGroupArn")));
        Set<String> listenersOf = new LinkedHashSet<>();
        arns.forEach(arn -> LoadBalancerArn.ofListener(arn).filter(existing::contains).ifPresent(listenersOf::add));
        for (String loadBalancerArn : listenersOf) {
            String name = LoadBalancerArn.name(loadBalancerArn).orElseThrow();
            JsonLists.objects(call.services().list(Backend.NETWORK, "/v1/load-balancers/" + name + "/listeners",
                    call.caller())).forEach(l -> existing.add(l.getString("listenerArn")));
        }
        return existing;
    }

    /** {@code ResourceArns.member.N}: load balancer, listener or target group ARNs, at least one. */
    private static List<String> arns(QueryParameters p) {
        List<String> arns = p.list("ResourceArns.member");
        if (arns.isEmpty()) {
            throw QueryFault.missing("ResourceArns.member.1");
        }
        for (String arn : arns) {
            if (!LoadBalancerArn.isValid(arn) && !TargetGroupArn.isValid(arn)
                    && LoadBalancerArn.ofListener(arn).isEmpty()) {
                throw QueryFault.of(ErrorCode.VALIDATION_ERROR, "'" + arn + "' is not a load balancer, listener or "
                        + "target group ARN");
            }
        }
        return List.copyOf(new LinkedHashSet<>(arns));
    }

    private static JsonObject change(List<String> arns, JsonArray tags) {
        return new JsonObject().put("resourceIds", new JsonArray(arns)).put("tags", tags);
    }
}
