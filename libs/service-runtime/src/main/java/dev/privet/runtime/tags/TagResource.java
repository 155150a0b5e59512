package dev.privet.runtime.tags;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.Values.Tag;
import dev.privet.contracts.ids.AccountId;
import dev.privet.runtime.Caller;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * {@code /v1/tags}: the caller's tags on this service's resources. {@code POST /v1/tags} adds tags to resources,
 * {@code POST /v1/tags/removals} removes them; both take {@code resourceIds}, {@code tags} and
 * {@code validateOnly} (check everything, change nothing: how the gateway makes a request that spans services all
 * or nothing). A service with no taggable resources answers 404.
 */
@Path("/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TagResource {
    /** The most resources one request tags, as in EC2's CreateTags. */
    static final int MAX_RESOURCES = 1000;
    /** Longer than any id or ARN Privet issues. */
    static final int MAX_ID_LENGTH = 256;

    private final Instance<ResourceTags> tags;

    TagResource(Instance<ResourceTags> tags) {
        this.tags = tags;
    }

    /** A change to the tags of {@code resourceIds}. */
    public record TagChange(List<String> resourceIds, List<Tag> tags, Boolean validateOnly) {
    }

    @GET
    public List<ResourceTags.ResourceTagSet> list(@HeaderParam(Caller.HEADER) String account) {
        AccountId caller = Caller.require(account);
        return tags().ownedBy(caller);
    }

    @POST
    public Response add(@HeaderParam(Caller.HEADER) String account, TagChange change) {
        AccountId caller = Caller.require(account);
        List<Tag> added = RequestedTags.of(checked(change).tags(), "tags");
        if (added.isEmpty()) {
            throw Rejection.missing("tags");
        }
        tags().add(caller, change.resourceIds(), added, Boolean.TRUE.equals(change.validateOnly()));
        return Response.noContent().build();
    }

    @POST
    @Path("/removals")
    public Response remove(@HeaderParam(Caller.HEADER) String account, TagChange change) {
        AccountId caller = Caller.require(account);
        List<Tag> removed = RequestedTags.of(checked(change).tags(), "tags");
        tags().remove(caller, change.resourceIds(), removed, Boolean.TRUE.equals(change.validateOnly()));
        return Response.noContent().build();
    }

    /** The change, once it names at least one resource and at most {@value #MAX_RESOURCES}, none of them null. */
    private static TagChange checked(TagChange change) {
        if (change == null) {
            throw Rejection.missing("body");
        }
        if (change.resourceIds() == null || change.resourceIds().isEmpty()) {
            throw Rejection.missing("resourceIds");
        }
        if (change.resourceIds().size() > MAX_RESOURCES) {
            throw Rejection.invalidValue("resourceIds", "at most " + MAX_RESOURCES + " resources in one request");
        }
        for (int i = 0; i < change.resourceIds().size(); i++) {
            String id = change.resourceIds().get(i);
            if (id == null) {
                throw Rejection.missing("resourceIds[" + i + "]");
            }
            if (id.length() > MAX_ID_LENGTH) {
                throw Rejection.invalid(ErrorCode.INVALID_ID, "resourceIds[" + i + "]", "The ID '"
                        + id.substring(0, 32) + "...' is not valid: ids are at most " + MAX_ID_LENGTH + " characters");
            }
        }
        return change;
    }

    private ResourceTags tags() {
        if (!tags.isResolvable()) {
            throw Rejection.notFound(ErrorCode.NOT_FOUND, null, "this service has no resources that take tags");
        }
        return tags.get();
    }
}
