package dev.privet.provider.app;

import dev.privet.contracts.events.ProviderEvent.EndpointServiceTagsChanged;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.provider.projection.EndpointServiceRow;
import dev.privet.runtime.CommandRunner;
import dev.privet.runtime.tags.ResourceTags;
import dev.privet.runtime.tags.TaggedResource;
import jakarta.inject.Singleton;

import java.util.Optional;

/** The tags of endpoint services: each one's owner tags it. */
@Singleton
public class ProviderTags extends ResourceTags {

    ProviderTags(CommandRunner commands, DeciderRunner deciders) {
        super(commands, deciders, EndpointServiceTagsChanged::new);
    }

    @Override
    protected Optional<TaggedResource> find(String ownerId, String resourceId) {
        return EndpointServiceRow.find(resourceId).filter(service -> service.ownerId.equals(ownerId))
                .map(service -> new TaggedResource(resourceId, IdFormat.ENDPOINT_SERVICE.resourceType(), ownerId));
    }
}
