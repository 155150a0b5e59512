package dev.privet.network.app;

import dev.privet.contracts.events.NetworkEvent.NetworkTagsChanged;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.ids.LoadBalancerArn;
import dev.privet.contracts.ids.TargetGroupArn;
import dev.privet.network.projection.LoadBalancerRow;
import dev.privet.network.projection.TargetGroupRow;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.network.projection.NetworkInterfaceRow;
import dev.privet.network.projection.RouteTableRow;
import dev.privet.network.projection.SecurityGroupRow;
import dev.privet.network.projection.SubnetRow;
import dev.privet.network.projection.VpcRow;
import dev.privet.runtime.CommandRunner;
import dev.privet.runtime.tags.ResourceTags;
import dev.privet.runtime.tags.TaggedResource;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The tags of VPCs, subnets, network interfaces and route tables (EC2's tags) and of load balancers, their listeners
 * and target groups (Elastic Load Balancing's, by ARN): each one's owner tags it.
 */
@Singleton
public class NetworkTags extends ResourceTags {

    NetworkTags(CommandRunner commands, DeciderRunner deciders) {
        super(commands, deciders, NetworkTagsChanged::new);
    }

    static final String LOAD_BALANCER = "loadbalancer";
    static final String TARGET_GROUP = "targetgroup";
    static final String LISTENER = "listener";

    /** The tagged resource of a listener of the owner's load balancer. */
    static TaggedResource listener(String listenerArn, String ownerId) {
        return new TaggedResource(listenerArn, LISTENER, ownerId);
    }

    @Override
    protected Optional<TaggedResource> find(String ownerId, String resourceId) {
        if (LoadBalancerArn.isValid(resourceId)) {
            return LoadBalancerRow.<LoadBalancerRow>findByIdOptional(resourceId)
                    .filter(lb -> lb.ownerId.equals(ownerId))
                    .map(lb -> new TaggedResource(resourceId, LOAD_BALANCER, ownerId));
        }
        Optional<String> listenerOf = LoadBalancerArn.ofListener(resourceId);
        if (listenerOf.isPresent()) {
            return LoadBalancerRow.<LoadBalancerRow>findByIdOptional(listenerOf.get())
                    .filter(lb -> lb.ownerId.equals(ownerId))
                    .filter(lb -> lb.listeners.stream().anyMatch(l -> resourceId.equals(
                            LoadBalancerArn.listenerArn(lb.loadBalancerArn, l.port()))))
                    .map(lb -> listener(resourceId, ownerId));
        }
        if (TargetGroupArn.isValid(resourceId)) {
            return TargetGroupRow.<TargetGroupRow>findByIdOptional(resourceId)
                    .filter(group -> group.ownerId.equals(ownerId))
                    .map(group -> new TaggedResource(resourceId, TARGET_GROUP, ownerId));
        }
        Optional<IdFormat> format = IdFormat.of(resourceId);
        boolean exists = format.isPresent() && switch (format.get()) {
            case VPC -> VpcRow.findOwned(ownerId, resourceId).isPresent();
            case SUBNET -> SubnetRow.findOwned(ownerId, resourceId).isPresent();
            case NETWORK_INTERFACE -> NetworkInterfaceRow.findInSubnetsOf(ownerId, resourceId).isPresent();
            case ROUTE_TABLE -> RouteTableRow.findOwned(ownerId, resourceId).isPresent();
            case SECURITY_GROUP -> SecurityGroupRow.findOwned(ownerId, resourceId).isPresent();
            default -> false;
        };
        return exists ? Optional.of(new TaggedResource(resourceId, format.get().resourceType(), ownerId))
                : Optional.empty();
    }

    @Override
    protected Rejection notFound(String resourceId, String field) {
        if (LoadBalancerArn.isValid(resourceId)) {
            return Rejection.notFound(ErrorCode.LOAD_BALANCER_NOT_FOUND, field, "Load balancer '" + resourceId
                    + "' not found");
        }
        if (LoadBalancerArn.ofListener(resourceId).isPresent()) {
            return Rejection.notFound(ErrorCode.LISTENER_NOT_FOUND, field, "Listener '" + resourceId + "' not found");
        }
        if (TargetGroupArn.isValid(resourceId)) {
            return Rejection.notFound(ErrorCode.TARGET_GROUP_NOT_FOUND, field, "Target group '" + resourceId
                    + "' not found");
        }
        return super.notFound(resourceId, field);
    }
}
