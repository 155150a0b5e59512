package dev.privet.network.app;

import dev.privet.contracts.events.NetworkEvent.NetworkTagsChanged;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.network.projection.NetworkInterfaceRow;
import dev.privet.network.projection.SubnetRow;
import dev.privet.network.projection.VpcRow;
import dev.privet.runtime.CommandRunner;
import dev.privet.runtime.tags.ResourceTags;
import dev.privet.runtime.tags.TaggedResource;
import jakarta.inject.Singleton;

import java.util.Optional;

/** The tags of VPCs, subnets and network interfaces: each one's owner tags it. */
@Singleton
public class NetworkTags extends ResourceTags {

    NetworkTags(CommandRunner commands, DeciderRunner deciders) {
        super(commands, deciders, NetworkTagsChanged::new);
    }

    @Override
    protected Optional<TaggedResource> find(String ownerId, String resourceId) {
        Optional<IdFormat> format = IdFormat.of(resourceId);
        boolean exists = format.isPresent() && switch (format.get()) {
            case VPC -> VpcRow.findOwned(ownerId, resourceId).isPresent();
            case SUBNET -> SubnetRow.findOwned(ownerId, resourceId).isPresent();
            case NETWORK_INTERFACE -> NetworkInterfaceRow.findInSubnetsOf(ownerId, resourceId).isPresent();
            default -> false;
        };
        return exists ? Optional.of(new TaggedResource(resourceId, format.get().resourceType(), ownerId))
                : Optional.empty();
    }
}
