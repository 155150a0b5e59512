package dev.privet.consumer.app;

import dev.privet.consumer.domain.EndpointState;
import dev.privet.consumer.projection.VpcEndpointRow;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointTagsChanged;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.runtime.CommandRunner;
import dev.privet.runtime.tags.ResourceTags;
import dev.privet.runtime.tags.TaggedResource;
import jakarta.inject.Singleton;

import java.util.Optional;

/** The tags of VPC endpoints: each one's owner tags it, until it is deleted. */
@Singleton
public class ConsumerTags extends ResourceTags {

    ConsumerTags(CommandRunner commands, DeciderRunner deciders) {
        super(commands, deciders, VpcEndpointTagsChanged::new);
    }

    @Override
    protected Optional<TaggedResource> find(String ownerId, String resourceId) {
        return VpcEndpointRow.find(resourceId)
                .filter(endpoint -> endpoint.ownerId.equals(ownerId))
                .filter(endpoint -> !EndpointState.DELETED.wireName().equals(endpoint.state))
                .map(endpoint -> new TaggedResource(resourceId, IdFormat.VPC_ENDPOINT.resourceType(), ownerId));
    }
}
