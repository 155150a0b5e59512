package dev.privet.dns.api;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.http.PrivetHeaders;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.Requester;
import dev.privet.dns.api.ChangeInfoResponse.ChangeInfo;
import dev.privet.dns.api.RecordSetsPage.ResourceRecordSet;
import dev.privet.dns.app.HostedZones;
import dev.privet.dns.domain.DnsName;
import dev.privet.dns.domain.HostedZoneId;
import dev.privet.dns.domain.RecordType;
import dev.privet.dns.projection.HostedZoneRow;
import dev.privet.dns.projection.RecordSetRow;
import dev.privet.runtime.Caller;
import dev.privet.runtime.history.HistoryEntry;
import dev.privet.runtime.history.StreamHistory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Public hosted zones, the part of Route 53 that private DNS name verification needs, as JSON: CreateHostedZone,
 * GetHostedZone, ListHostedZones, DeleteHostedZone, ChangeResourceRecordSets, ListResourceRecordSets, and each zone's
 * history. A zone belongs to the account that created it; to any other it does not exist. Reads come from the inline
 * read model and never wait.
 */
@Path("/v1/hosted-zones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HostedZoneResource {
    private static final String ZONE_ID = "hostedZoneId";
    /** Route 53's default and largest page of ListResourceRecordSets. */
    static final int MAX_ITEMS = 300;

    private final HostedZones zones;
    private final StreamHistory history;

    HostedZoneResource(HostedZones zones, StreamHistory history) {
        this.zones = zones;
        this.history = history;
    }

    /** 201 with the zone, also for a retry with the same caller reference (the zone as it is now). */
    @POST
    public Response create(@HeaderParam(Caller.HEADER) String account,
                           @HeaderParam(PrivetHeaders.PRINCIPAL) String principal, CreateHostedZoneRequest body) {
        Requester caller = Caller.requester(account, principal);
        CreateHostedZoneRequest request = body == null ? new CreateHostedZoneRequest(null, null, null) : body;
        String name = request.validatedName();
        var zone = zones.create(caller, name, request.callerReference(), request.comment());
        return Response.status(Response.Status.CREATED).entity(HostedZoneResponse.of(zone)).build();
    }

    @GET
    public List<HostedZoneResponse> list(@HeaderParam(Caller.HEADER) String account) {
        return HostedZoneRow.ownedBy(Caller.require(account).value()).stream().map(HostedZoneResponse::of).toList();
    }

    @GET
    @Path("/{hostedZoneId}")
    public HostedZoneResponse get(@HeaderParam(Caller.HEADER) String account,
                                  @PathParam(ZONE_ID) String hostedZoneId) {
        return HostedZoneResponse.of(owned(Caller.require(account), hostedZoneId));
    }

    /** 204; refused {@code HostedZoneNotEmpty} while the zone has record sets besides its SOA and NS. */
    @DELETE
    @Path("/{hostedZoneId}")
    public Response delete(@HeaderParam(Caller.HEADER) String account,
                           @HeaderParam(PrivetHeaders.PRINCIPAL) String principal,
                           @PathParam(ZONE_ID) String hostedZoneId) {
        Requester caller = Caller.requester(account, principal);
        requireWellFormed(hostedZoneId);
        zones.delete(caller, hostedZoneId);
        return Response.noContent().build();
    }

    /** ChangeResourceRecordSets: served when this answers, hence {@code INSYNC}. */
    @POST
    @Path("/{hostedZoneId}/rrsets")
    public ChangeInfoResponse change(@HeaderParam(Caller.HEADER) String account,
                                     @HeaderParam(PrivetHeaders.PRINCIPAL) String principal,
                                     @PathParam(ZONE_ID) String hostedZoneId, ChangeBatchRequest body) {
        Requester caller = Caller.requester(account, principal);
        requireWellFormed(hostedZoneId);
        var batch = (body == null ? new ChangeBatchRequest(null) : body).batch();
        Instant submittedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String changeId = "C" + HostedZoneId.random().substring(1);
        zones.change(caller, hostedZoneId, changeId, batch.changes());
        return new ChangeInfoResponse(new ChangeInfo(changeId, ChangeInfoResponse.INSYNC, submittedAt.toString()));
    }

    /**
     * ListResourceRecordSets: the zone's record sets in Route 53's order (by name with its labels reversed, then by
     * type), from {@code name} and {@code type} on when given, {@code maxItems} (at most 300) at a time.
     */
    @GET
    @Path("/{hostedZoneId}/rrsets")
    public RecordSetsPage records(@HeaderParam(Caller.HEADER) String account,
                                  @PathParam(ZONE_ID) String hostedZoneId, @QueryParam("name") String name,
                                  @QueryParam("type") String type, @QueryParam("maxItems") Integer maxItems) {
        HostedZoneRow zone = owned(Caller.require(account), hostedZoneId);
        int limit = maxItems == null ? MAX_ITEMS : maxItems;
        if (limit < 1 || limit > MAX_ITEMS) {
            throw Rejection.invalidValue("maxItems", "1 to " + MAX_ITEMS + ", got " + limit);
        }
        String from = name == null ? null : DnsName.normalized(name).orElseThrow(() ->
                Rejection.invalidValue("name", "not a domain name"));
        if (type != null && (from == null || RecordType.named(type).isEmpty())) {
            throw Rejection.invalidValue("type", from == null ? "a type needs a name to start from"
                    : "not a record type: '" + (type.length() > 16 ? type.substring(0, 16) + "..." : type) + "'");
        }
        List<RecordSetRow> rows = RecordSetRow.page(zone.hostedZoneId, from, type, limit + 1);
        boolean truncated = rows.size() > limit;
        List<ResourceRecordSet> sets = rows.stream().limit(limit).map(r -> ResourceRecordSet.of(r.recordSet()))
                .toList();
        RecordSetRow next = truncated ? rows.get(limit) : null;
        return new RecordSetsPage(sets, truncated, next == null ? null : next.name, next == null ? null : next.type,
                limit);
    }

    /** The zone's events, oldest first, each with its time, the principal it acted for and its cause. */
    @GET
    @Path("/{hostedZoneId}/history")
    public List<HistoryEntry> history(@HeaderParam(Caller.HEADER) String account,
                                      @PathParam(ZONE_ID) String hostedZoneId) {
        AccountId caller = Caller.require(account);
        owned(caller, hostedZoneId);
        return history.of(hostedZoneId, caller, Set.of());
    }

    /** The caller's zone; another account's is not found, as Route 53 answers it. */
    private static HostedZoneRow owned(AccountId caller, String hostedZoneId) {
        requireWellFormed(hostedZoneId);
        return HostedZoneRow.owned(caller.value(), hostedZoneId).orElseThrow(() -> Rejection.notFound(
                ErrorCode.NO_SUCH_HOSTED_ZONE, ZONE_ID, "no hosted zone with this id"));
    }

    /** A fixed format, so it bounds the id's length too; a malformed id names no zone. */
    private static void requireWellFormed(String hostedZoneId) {
        if (!HostedZoneId.isWellFormed(hostedZoneId)) {
            throw Rejection.notFound(ErrorCode.NO_SUCH_HOSTED_ZONE, ZONE_ID,
                    "no hosted zone with this id (an id is Z and 13 characters A-Z, 2-7)");
        }
    }
}
