package dev.privet.gateway.ec2;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.ids.DerivedId;
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
import java.util.stream.Collectors;

/**
 * DescribeNetworkAcls. Each of the caller's VPCs has AWS's default network ACL, which lets all traffic in and out,
 * associated with every subnet of the VPC. Privet filters no traffic by network ACL, so that is the ACL a VPC really
 * has: it is derived from the VPC (its ids from the VPC's and the subnets'), not stored, and cannot change (there is
 * no CreateNetworkAcl or ReplaceNetworkAclEntry).
 */
@ApplicationScoped
public class NetworkAclActions implements QueryActions {
    /** A VPC's default ACL and the subnets it is associated with. */
    record DefaultAcl(JsonObject vpc, List<String> subnetIds) {
        String id() {
            return DerivedId.of("acl-", vpc.getString("vpcId"));
        }

        String associationId(String subnetId) {
            return DerivedId.of("aclassoc-", id(), subnetId);
        }
    }

    /** An entry of the ACL: every protocol, from and to anywhere. */
    record Entry(int ruleNumber, String ruleAction, boolean egress) {
    }

    /** AWS's default entries, in each direction: rule 100 allows everything, the last rule denies the rest. */
    private static final List<Entry> ENTRIES = List.of(new Entry(100, "allow", true), new Entry(32767, "deny", true),
            new Entry(100, "allow", false), new Entry(32767, "deny", false));

    static final Listing<DefaultAcl> LISTING = Listing.of(DefaultAcl::id)
            .ids("NetworkAclId", id -> QueryFault.of(ErrorCode.INVALID_NETWORK_ACL_ID_NOT_FOUND,
                    "The networkAcl ID " + Shown.of(id) + " does not exist"))
            .filter("network-acl-id", DefaultAcl::id)
            .filter("vpc-id", acl -> acl.vpc().getString("vpcId"))
            .filter("owner-id", acl -> acl.vpc().getString("ownerId"))
            .filter("default", acl -> "true")
            .filterAny("association.subnet-id", DefaultAcl::subnetIds)
            .filterAny("association.association-id", acl -> acl.subnetIds().stream().map(acl::associationId).toList());

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.EC2;
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of("DescribeNetworkAcls", this::describe);
    }

    private Consumer<XmlBody> describe(QueryCall call) {
        var selection = LISTING.read(call.params());
        call.params().done();
        Map<String, List<String>> subnetsByVpc = JsonLists.objects(call.services().list(Backend.NETWORK,
                "/v1/subnets", call.caller())).stream().collect(Collectors.groupingBy(s -> s.getString("vpcId"),
                Collectors.mapping(s -> s.getString("subnetId"), Collectors.toList())));
        List<DefaultAcl> acls = JsonLists.objects(call.services().list(Backend.NETWORK, "/v1/vpcs", call.caller()))
                .stream().map(vpc -> new DefaultAcl(vpc, subnetsByVpc.getOrDefault(vpc.getString("vpcId"), List.of())))
                .toList();
        var page = selection.select(acls);
        return body -> {
            body.set("networkAclSet", page.items(), NetworkAclActions::write);
            page.nextToken().ifPresent(token -> body.text("nextToken", token));
        };
    }

    private static void write(XmlBody out, DefaultAcl acl) {
        out.text("networkAclId", acl.id())
                .text("vpcId", acl.vpc().getString("vpcId"))
                .text("default", true)
                .set("entrySet", ENTRIES, (item, e) -> item
                        .text("ruleNumber", e.ruleNumber())
                        .text("protocol", "-1")
                        .text("ruleAction", e.ruleAction())
                        .text("egress", e.egress())
                        .text("cidrBlock", "0.0.0.0/0"))
                .set("associationSet", acl.subnetIds(), (item, subnetId) -> item
                        .text("networkAclAssociationId", acl.associationId(subnetId))
                        .text("networkAclId", acl.id())
                        .text("subnetId", subnetId))
                .values("tagSet", List.of())
                .text("ownerId", acl.vpc().getString("ownerId"));
    }
}
