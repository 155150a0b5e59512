package dev.privet.gateway.ec2;

import dev.privet.contracts.errors.ErrorCode;
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
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * DescribePrefixLists, DescribeManagedPrefixLists and GetManagedPrefixListEntries: the region's AWS-managed prefix
 * lists (S3's and DynamoDB's), which network-service holds as configuration ({@code /v1/prefix-lists}). Each list
 * has one version, never changed while the service runs, and no customer-managed list exists.
 */
@ApplicationScoped
public class PrefixListActions implements QueryActions {
    /** AWS's owner id of its own prefix lists. */
    static final String AWS = "AWS";
    private static final Function<String, QueryFault> NOT_FOUND = id -> QueryFault.of(
            ErrorCode.INVALID_PREFIX_LIST_ID_NOT_FOUND, "The prefix list ID " + Shown.of(id) + " does not exist");

    static final Listing<JsonObject> PREFIX_LISTS = Listing.<JsonObject>of(PrefixListActions::id)
            .ids("PrefixListId", NOT_FOUND)
            .filter("prefix-list-id", PrefixListActions::id)
            .filter("prefix-list-name", l -> l.getString("prefixListName"));
    static final Listing<JsonObject> MANAGED = Listing.<JsonObject>of(PrefixListActions::id)
            .ids("PrefixListId", NOT_FOUND)
            .filter("prefix-list-id", PrefixListActions::id)
            .filter("prefix-list-name", l -> l.getString("prefixListName"))
            .filter("owner-id", l -> AWS)
            .maxResults(1, 100);
    static final Listing<String> ENTRIES = Listing.<String>of(cidr -> cidr).maxResults(1, 100);

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.EC2;
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of("DescribePrefixLists", this::describe, "DescribeManagedPrefixLists", this::describeManaged,
                "GetManagedPrefixListEntries", this::entries);
    }

    private Consumer<XmlBody> describe(QueryCall call) {
        var selection = PREFIX_LISTS.read(call.params());
        call.params().done();
        var page = selection.select(lists(call));
        return body -> {
            body.set("prefixListSet", page.items(), (item, list) -> item
                    .text("prefixListId", id(list))
                    .text("prefixListName", list.getString("prefixListName"))
                    .values("cidrSet", JsonLists.strings(list, "cidrs")));
            page.nextToken().ifPresent(token -> body.text("nextToken", token));
        };
    }

    private Consumer<XmlBody> describeManaged(QueryCall call) {
        var selection = MANAGED.read(call.params());
        call.params().done();
        var page = selection.select(lists(call));
        return body -> {
            body.set("prefixListSet", page.items(), (item, list) -> item
                    .text("prefixListId", id(list))
                    .text("addressFamily", "IPv4")
                    .text("state", "create-complete")
                    .text("prefixListArn", "arn:aws:ec2:" + call.region() + ":aws:prefix-list/" + id(list))
                    .text("prefixListName", list.getString("prefixListName"))
                    .text("maxEntries", JsonLists.strings(list, "cidrs").size())
                    .text("version", 1)
                    .values("tagSet", List.of())
                    .text("ownerId", AWS));
            page.nextToken().ifPresent(token -> body.text("nextToken", token));
        };
    }

    private Consumer<XmlBody> entries(QueryCall call) {
        var params = call.params();
        String prefixListId = params.required("PrefixListId");
        params.optional("TargetVersion").filter(version -> !version.equals("1")).ifPresent(version -> {
            throw QueryFault.invalidValue("The prefix list " + Shown.of(prefixListId) + " has version 1 only, not "
                    + Shown.of(version));
        });
        var selection = ENTRIES.read(params);
        params.done();
        JsonObject list = lists(call).stream().filter(l -> id(l).equals(prefixListId)).findFirst()
                .orElseThrow(() -> NOT_FOUND.apply(prefixListId));
        var page = selection.select(JsonLists.strings(list, "cidrs"));
        return body -> {
            body.set("entrySet", page.items(), (item, cidr) -> item.text("cidr", cidr));
            page.nextToken().ifPresent(token -> body.text("nextToken", token));
        };
    }

    private static List<JsonObject> lists(QueryCall call) {
        return JsonLists.objects(call.services().list(Backend.NETWORK, "/v1/prefix-lists", call.caller()));
    }

    private static String id(JsonObject list) {
        return list.getString("prefixListId");
    }
}
