package dev.privet.runtime.tags;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.TagsChanged;
import dev.privet.contracts.events.Values.Tag;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.runtime.CommandRunner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tagging the resources of one service: each resource's tags are a stream of their own ({@link TagsChanged#streamOf}),
 * decided by {@link TagSet}, and only the resource's owner changes or sees them. A service that owns taggable
 * resources extends this as a {@code @Singleton} bean (a normal-scoped one would need a no-argument constructor
 * for its proxy), says which of its resources exist and whose they are ({@link #find}), and
 * projects its {@link TagsChanged} events into {@link ResourceTagRow}s in its own inline read model; the
 * {@code /v1/tags} API ({@link TagResource}) is then served.
 */
public abstract class ResourceTags {
    private final CommandRunner commands;
    private final DeciderRunner deciders;
    private final TagSet tagSet;

    protected ResourceTags(CommandRunner commands, DeciderRunner deciders, TagSet.Changed changed) {
        this.commands = commands;
        this.deciders = deciders;
        this.tagSet = new TagSet(changed);
    }

    /** The resource, if it exists (not deleted) and {@code ownerId} owns it; read from the service's read model. */
    protected abstract Optional<TaggedResource> find(String ownerId, String resourceId);

    /** A tagged resource and its tags, as {@code GET /v1/tags} lists it. */
    public record ResourceTagSet(String resourceId, String resourceType, List<Tag> tags) {
    }

    /**
     * Adds {@code tags} to every one of {@code resourceIds}, all or none: each must be the caller's. With
     * {@code validateOnly}, checks all of it and changes nothing.
     */
    public void add(AccountId caller, List<String> resourceIds, List<Tag> tags, boolean validateOnly) {
        change(caller, resourceIds, r -> new TagSet.Command.AddTags(r, tags, "tags"), validateOnly);
    }

    /** Removes {@code tags} (every tag, when empty) from every one of {@code resourceIds}, all or none. */
    public void remove(AccountId caller, List<String> resourceIds, List<Tag> tags, boolean validateOnly) {
        change(caller, resourceIds, r -> new TagSet.Command.RemoveTags(r, tags, "tags"), validateOnly);
    }

    /**
     * Tags a resource in the transaction that creates it, so it is created with its tags or not at all: invalid tags
     * refuse the create.
     */
    public void tagNew(Connection c, TaggedResource resource, List<Tag> tags, EventMetadata metadata)
            throws SQLException {
        if (!tags.isEmpty()) {
            deciders.run(c, TagsChanged.streamOf(resource.resourceId()), new TagSet.Command.AddTags(resource, tags,
                    "tags"), tagSet, metadata);
        }
    }

    /**
     * Removes every tag of a resource whose id can be made again (a listener's ARN is derived from its load balancer
     * and port): in the transaction that deletes it, and in the one that makes it again, since a tag change that
     * raced the deletion (it saw the resource, and committed after) may have left tags behind.
     */
    public void untagAll(Connection c, TaggedResource resource, EventMetadata metadata) throws SQLException {
        deciders.run(c, TagsChanged.streamOf(resource.resourceId()), new TagSet.Command.RemoveTags(resource,
                List.of(), "tags"), tagSet, metadata);
    }

    /** The caller's tagged resources that still exist, by id. */
    public List<ResourceTagSet> ownedBy(AccountId caller) {
        return ResourceTagRow.ownedBy(caller.value()).stream()
                .flatMap(row -> find(caller.value(), row.resourceId).stream()
                        .map(resource -> new ResourceTagSet(row.resourceId, resource.resourceType(),
                                List.copyOf(row.tags))))
                .toList();
    }

    private void change(AccountId caller, List<String> resourceIds, Function<TaggedResource, TagSet.Command> command,
                        boolean validateOnly) {
        EventMetadata metadata = EventMetadata.forRequest(caller.value());
        commands.execute(c -> {
            for (int i = 0; i < resourceIds.size(); i++) {
                String resourceId = resourceIds.get(i);
                String field = "resourceIds[" + i + "]";
                TaggedResource resource = find(caller.value(), resourceId)
                        .orElseThrow(() -> notFound(resourceId, field));
                var loaded = deciders.load(c, TagsChanged.streamOf(resourceId), tagSet);
                var events = tagSet.decide(command.apply(resource), loaded.state());
                if (!validateOnly) {
                    deciders.appendDecision(c, loaded, events, tagSet, metadata);
                }
            }
            return null;
        });
    }

    /**
     * AWS's not-found for the kind of id given, or {@code InvalidID} for an id of no kind Privet issues. A service
     * whose resources are named otherwise (by ARN) adds its own.
     */
    protected Rejection notFound(String resourceId, String field) {
        Optional<IdFormat> format = IdFormat.of(resourceId);
        if (format.isEmpty()) {
            return Rejection.invalid(ErrorCode.INVALID_ID, field, "The ID '" + resourceId + "' is not valid");
        }
        ErrorCode code = switch (format.get()) {
            case VPC -> ErrorCode.INVALID_VPC_ID_NOT_FOUND;
            case SUBNET -> ErrorCode.INVALID_SUBNET_ID_NOT_FOUND;
            case NETWORK_INTERFACE -> ErrorCode.INVALID_NETWORK_INTERFACE_ID_NOT_FOUND;
            case VPC_ENDPOINT -> ErrorCode.INVALID_VPC_ENDPOINT_ID_NOT_FOUND;
            case ENDPOINT_SERVICE -> ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND;
            case ROUTE_TABLE -> ErrorCode.INVALID_ROUTE_TABLE_ID_NOT_FOUND;
            case ROUTE_TABLE_ASSOCIATION -> ErrorCode.INVALID_ASSOCIATION_ID_NOT_FOUND;
            case PREFIX_LIST -> ErrorCode.INVALID_PREFIX_LIST_ID_NOT_FOUND;
            case SECURITY_GROUP -> ErrorCode.INVALID_GROUP_NOT_FOUND;
            case SECURITY_GROUP_RULE -> ErrorCode.INVALID_SECURITY_GROUP_RULE_ID_NOT_FOUND;
        };
        return Rejection.notFound(code, field, "The " + format.get().resourceType() + " ID '" + resourceId
                + "' does not exist");
    }
}
