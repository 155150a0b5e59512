package dev.privet.dns.api;

import dev.privet.contracts.ids.IdFormat;
import dev.privet.dns.projection.DnsReadModel;
import dev.privet.eventstore.Transactions;
import dev.privet.runtime.ApiException;
import dev.privet.runtime.ReadYourWrites;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The resolver's view of endpoint names, over HTTP. These reads need no {@code X-Privet-Account}: they show what the
 * DNS server answers to anyone who asks it.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class EndpointDnsResource {
    /** A host name of letters, digits and hyphens, 253 characters at most, optionally with the final dot. */
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}\\.?$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?",
            Pattern.CASE_INSENSITIVE);

    private final DnsReadModel readModel;
    private final Transactions transactions;
    private final ReadYourWrites readYourWrites;

    EndpointDnsResource(DnsReadModel readModel, Transactions transactions, ReadYourWrites readYourWrites) {
        this.readModel = readModel;
        this.transactions = transactions;
        this.readYourWrites = readYourWrites;
    }

    @GET
    @Path("/endpoint-dns/{vpcEndpointId}")
    public EndpointDnsResponse endpoint(@PathParam("vpcEndpointId") String vpcEndpointId) {
        if (!IdFormat.VPC_ENDPOINT.matches(vpcEndpointId)) {
            throw ApiException.invalid("vpcEndpointId", "not a VPC endpoint id: '" + vpcEndpointId + "'");
        }
        readYourWrites.await(vpcEndpointId, c -> readModel.version(c, vpcEndpointId));
        return transactions.inTransaction(c -> {
            var endpoint = readModel.endpoint(c, vpcEndpointId).orElseThrow(() -> ApiException.notFound(
                    "InvalidVpcEndpointId.NotFound", "vpcEndpointId", "the endpoint '" + vpcEndpointId
                            + "' has no DNS names"));
            return EndpointDnsResponse.of(endpoint, readModel.recordsOf(c, endpoint));
        });
    }

    @GET
    @Path("/dns-records")
    public List<RecordSetResponse> records(@QueryParam("name") String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.missing("name");
        }
        if (!DNS_NAME.matcher(name).matches()) {
            throw ApiException.invalid("name", "not a DNS name: '" + name + "'");
        }
        String normalized = name.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
        return transactions.inTransaction(c -> readModel.recordsNamed(c, normalized)).stream()
                .map(RecordSetResponse::of).toList();
    }
}
