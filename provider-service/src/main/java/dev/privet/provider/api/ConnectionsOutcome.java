package dev.privet.provider.api;

import dev.privet.provider.domain.UnsuccessfulConnection;

import java.util.List;

/** What an acceptance or a rejection left as it was: every other endpoint named is now accepted, or rejected. */
public record ConnectionsOutcome(List<Unsuccessful> unsuccessful) {

    /** One endpoint left as it was, and why, with the code AWS reports for it. */
    public record Unsuccessful(String vpcEndpointId, String code, String message) {
    }

    static ConnectionsOutcome of(List<UnsuccessfulConnection> left) {
        return new ConnectionsOutcome(left.stream()
                .map(u -> new Unsuccessful(u.vpcEndpointId(), u.code().wire(), u.message())).toList());
    }
}
