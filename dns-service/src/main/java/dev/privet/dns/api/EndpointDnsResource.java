package dev.privet.dns.api;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.dns.domain.DnsName;
import dev.privet.dns.projection.DnsReadModel;
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
 * DNS server answers to anyone who asks it. The read model is written with the events, so nothing here waits.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class EndpointDnsResource {
    /** Longer than any VPC endpoint id ({@code vpce-} and 17 hex digits): checked before the pattern. */
    static final int MAX_ID_LENGTH = 64;
    /** A host name of letters, digits and hyphens, 253 characters at most, optionally with the final dot. */
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}\\.?$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?",
            Pattern.CASE_INSENSITIVE);

    private final DnsReadModel readModel;

    EndpointDnsResource(DnsReadModel readModel) {
        this.readModel = readModel;
    }

    @GET
    @Path("/endpoint-dns/{vpcEndpointId}")
    public EndpointDnsResponse endpoint(@PathParam("vpcEndpointId") String vpcEndpointId) {
        if (vpcEndpointId.length() > MAX_ID_LENGTH || !IdFormat.VPC_ENDPOINT.matches(vpcEndpointId)) {
            throw Rejection.invalid(ErrorCode.INVALID_VPC_ENDPOINT_ID_MALFORMED, "vpcEndpointId",
                    "not a VPC endpoint id: '" + abbreviated(vpcEndpointId) + "'");
        }
        var endpoint = readModel.endpoint(vpcEndpointId).orElseThrow(() -> Rejection.notFound(
                ErrorCode.INVALID_VPC_ENDPOINT_ID_NOT_FOUND, "vpcEndpointId",
                "the endpoint '" + vpcEndpointId + "' has no DNS names"));
        return EndpointDnsResponse.of(endpoint, readModel.recordsOf(endpoint));
    }

    @GET
    @Path("/dns-records")
    public List<RecordSetResponse> records(@QueryParam("name") String name) {
        if (name == null || name.isBlank()) {
            throw Rejection.missing("name");
        }
        String normalized = name.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
        if (normalized.length() > DnsName.MAX_LENGTH) {
            throw Rejection.invalidValue("name", "a DNS name has at most " + DnsName.MAX_LENGTH + " characters, this one "
                    + name.length());
        }
        if (!DNS_NAME.matcher(name).matches()) {
            throw Rejection.invalidValue("name", "not a DNS name: '" + name + "'");
        }
        return readModel.recordsNamed(normalized).stream().map(RecordSetResponse::of).toList();
    }

    /** Echoes at most the start of a value: a huge one must not come back whole in the error. */
    private static String abbreviated(String value) {
        return value.length() <= MAX_ID_LENGTH ? value : value.substring(0, MAX_ID_LENGTH) + "...";
    }
}
