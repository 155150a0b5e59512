package dev.privet.network.api;

import dev.privet.network.api.RouteTableDtos.PrefixList;
import dev.privet.network.domain.PrefixLists;
import dev.privet.runtime.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The region's managed prefix lists (AWS's, of S3 and DynamoDB): the same for every caller. */
@Path("/v1/prefix-lists")
@Produces(MediaType.APPLICATION_JSON)
public class PrefixListResource {
    private final PrefixLists prefixLists;

    PrefixListResource(PrefixLists prefixLists) {
        this.prefixLists = prefixLists;
    }

    @GET
    public List<PrefixList> list(@HeaderParam(Caller.HEADER) String account) {
        Caller.require(account);
        return prefixLists.all().stream().map(PrefixList::of).toList();
    }
}
