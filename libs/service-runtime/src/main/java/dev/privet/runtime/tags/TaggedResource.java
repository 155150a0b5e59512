package dev.privet.runtime.tags;

/**
 * A resource that can be tagged: its id, its type as EC2 names it ({@code vpc}, {@code vpc-endpoint}...), and its
 * owner.
 */
public record TaggedResource(String resourceId, String resourceType, String ownerId) {
}
