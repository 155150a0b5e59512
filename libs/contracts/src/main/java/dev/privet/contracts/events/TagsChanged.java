package dev.privet.contracts.events;

import dev.privet.contracts.events.Values.Tag;

import java.util.List;

/**
 * The tags of one resource, whole, after a change. A resource's tags are a stream of their own beside the
 * resource's ({@link #streamOf}), owned by the service that owns the resource; each such service has its own record of
 * this shape in its family, so the event travels on that service's topic.
 */
public interface TagsChanged {

    /** The tagged resource: a VPC, a subnet, an endpoint service... */
    String resourceId();

    /** The resource's owner, the only account that sees and changes its tags. */
    String ownerId();

    /** Every tag the resource has now, by key; empty when its last tag was removed. */
    List<Tag> tags();

    /** The stream of a resource's tags. */
    static String streamOf(String resourceId) {
        return "tags:" + resourceId;
    }
}
