package dev.privet.eventstore;

import java.time.Duration;
import java.util.Optional;

/**
 * How a subscription's consumer belongs to its group. With an instance id (static membership) a restarted process
 * takes its partitions back the moment it rejoins, with no rebalance; without one, a member that died keeps its
 * partitions until the session timeout passes, so that timeout is kept short (the broker's minimum is 6 s).
 *
 * @param instanceId stable across restarts of one process, unique among the replicas of a service; empty for none
 * @param sessionTimeout how long the group waits for a silent member before it hands its partitions on
 */
public record GroupMembership(Optional<String> instanceId, Duration sessionTimeout) {
    public static final GroupMembership DYNAMIC = new GroupMembership(Optional.empty(), Duration.ofSeconds(10));
}
