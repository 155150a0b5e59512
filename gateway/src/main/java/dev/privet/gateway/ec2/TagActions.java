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
import dev.privet.gateway.query.QueryParameters;
import dev.privet.gateway.query.QueryProtocol;
import dev.privet.gateway.query.Shown;
import dev.privet.gateway.query.XmlBody;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * CreateTags, DeleteTags and DescribeTags. Each resource's tags live in the service that owns it ({@code /v1/tags}
 * there); a request is split by the services its resource ids belong to. One that spans services is checked whole
 * first ({@code validateOnly} in each), then carried out in each, so bad input in any part changes nothing. The two
 * passes are not one transaction: a change made meanwhile by another request (a deletion, tags that reach the limit)
 * or a service that fails in the second pass can leave the parts already carried out in place; a retry completes
 * the request, since adding and removing tags again changes nothing.
 */
@ApplicationScoped
public class TagActions implements QueryActions {
    record ResourceTag(String resourceId, String resourceType, String key, String value) {
        String position() {
            return resourceId + "\u0000" + key; // listed by resource, then key
        }
    }

    static final Listing<ResourceTag> LISTING = Listing.of(ResourceTag::position)
            .filter("key", ResourceTag::key)
            .filter("value", ResourceTag::value)
            .filter("resource-id", ResourceTag::resourceId)
            .filter("resource-type", ResourceTag::resourceType);

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.EC2;
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of("CreateTags", this::create, "DeleteTags", this::delete, "DescribeTags", this::describe);
    }

    private Consumer<XmlBody> create(QueryCall call) {
        var byService = resources(call.params());
        JsonArray tags = Tags.list(call.params(), "Tag", true);
        if (tags.isEmpty()) {
            throw QueryFault.missing("Tag.1.Key");
        }
        call.params().done();
        change(call, byService, "/v1/tags", tags);
        return body -> body.text("return", true);
    }

    private Consumer<XmlBody> delete(QueryCall call) {
        var byService = resources(call.params());
        JsonArray tags = Tags.list(call.params(), "Tag", false);
        call.params().done();
        change(call, byService, "/v1/tags/removals", tags);
        return body -> body.text("return", true);
    }

    private Consumer<XmlBody> describe(QueryCall call) {
        var selection = LISTING.read(call.params());
        call.params().done();
        List<ResourceTag> all = new ArrayList<>();
        for (Backend owner : List.of(Backend.NETWORK, Backend.PROVIDER, Backend.CONSUMER)) {
            for (JsonObject resource : JsonLists.objects(call.services().list(owner, "/v1/tags", call.caller()))) {
                if (IdFormat.of(resource.getString("resourceId")).isEmpty()) {
                    continue; // a load balancer or target group: Elastic Load Balancing's DescribeTags lists those
                }
                Tags.of(resource).forEach((key, value) -> all.add(new ResourceTag(resource.getString("resourceId"),
                        resource.getString("resourceType"), key, value)));
            }
        }
        var page = selection.select(all);
        return body -> {
            body.set("tagSet", page.items(), (item, tag) -> item
                    .text("resourceId", tag.resourceId())
                    .text("resourceType", tag.resourceType())
                    .text("key", tag.key())
                    .text("value", tag.value()));
            page.nextToken().ifPresent(token -> body.text("nextToken", token));
        };
    }

    /** The request's {@code ResourceId.N}, by the service that owns each; an id of no kind Privet has is refused. */
    private static Map<Backend, JsonArray> resources(QueryParameters params) {
        List<String> ids = params.list("ResourceId");
        if (ids.isEmpty()) {
            throw QueryFault.missing("ResourceId.1");
        }
        Map<Backend, JsonArray> byService = new EnumMap<>(Backend.class);
        for (String id : ids) {
            IdFormat format = IdFormat.of(id).orElseThrow(() -> QueryFault.of(ErrorCode.INVALID_ID,
                    "The ID " + Shown.of(id) + " is not valid"));
            byService.computeIfAbsent(owner(format), b -> new JsonArray()).add(id);
        }
        return byService;
    }

    private static Backend owner(IdFormat format) {
        return switch (format) {
            case VPC, SUBNET, NETWORK_INTERFACE, ROUTE_TABLE, ROUTE_TABLE_ASSOCIATION, PREFIX_LIST, SECURITY_GROUP,
                 SECURITY_GROUP_RULE -> Backend.NETWORK;
            case ENDPOINT_SERVICE -> Backend.PROVIDER;
            case VPC_ENDPOINT -> Backend.CONSUMER;
        };
    }

    private static void change(QueryCall call, Map<Backend, JsonArray> byService, String uri, JsonArray tags) {
        if (byService.size() > 1) {
            byService.forEach((owner, ids) -> call.services().post(owner, uri, call.caller(),
                    body(ids, tags).put("validateOnly", true), java.util.Optional.empty()));
        }
        byService.forEach((owner, ids) -> call.services().post(owner, uri, call.caller(), body(ids, tags),
                java.util.Optional.empty()));
    }

    private static JsonObject body(JsonArray resourceIds, JsonArray tags) {
        return new JsonObject().put("resourceIds", resourceIds).put("tags", tags);
    }
}
