package dev.privet.network.domain;

import dev.privet.contracts.events.Values.HealthCheck;

/**
 * What a target's health checks have shown, as Elastic Load Balancing reports it: {@code initial} until its first
 * verdict, {@code healthy} after {@code healthyThreshold} passes in a row, {@code unhealthy} after
 * {@code unhealthyThreshold} failures in a row, with the reason of the last failure.
 *
 * <p>Unlike a network load balancer, Privet sends connections to a target in {@code initial} too: a new endpoint is
 * {@code available} at once, and AWS's defaults (five passes 30 s apart) would otherwise refuse every connection for
 * its first two and a half minutes. A forwarder that cannot connect to such a target tries the next one.
 */
public record TargetHealth(State state, Failure lastFailure, int passes, int failures) {

    public enum State {
        INITIAL("initial"), HEALTHY("healthy"), UNHEALTHY("unhealthy");

        private final String wire;

        State(String wire) {
            this.wire = wire;
        }

        /** As the API spells it. */
        public String wire() {
            return wire;
        }
    }

    /** Why a check failed, with Elastic Load Balancing's reason code and description. */
    public record Failure(String reason, String description) {
        public static final Failure TIMEOUT = new Failure("Target.Timeout", "Request timed out");
        public static final Failure REFUSED = new Failure("Target.FailedHealthChecks", "Health checks failed");

        public static Failure responseCode(int status) {
            return new Failure("Target.ResponseCodeMismatch", "Health checks failed with these codes: [" + status + "]");
        }
    }

    public static final String INITIAL_REASON = "Elb.InitialHealthChecking";
    public static final String INITIAL_DESCRIPTION = "Initial health checks in progress";

    public static TargetHealth initial() {
        return new TargetHealth(State.INITIAL, null, 0, 0);
    }

    public TargetHealth afterPass(HealthCheck check) {
        int passed = passes + 1;
        return new TargetHealth(passed >= check.healthyThreshold() ? State.HEALTHY : state, lastFailure, passed, 0);
    }

    public TargetHealth afterFailure(HealthCheck check, Failure failure) {
        int failed = failures + 1;
        return new TargetHealth(failed >= check.unhealthyThreshold() ? State.UNHEALTHY : state, failure, 0, failed);
    }

    /** Whether new connections may go to it: all but unhealthy targets (see the class comment). */
    public boolean routable() {
        return state != State.UNHEALTHY;
    }

    /** The reason code shown beside the state: none when healthy. */
    public String reason() {
        return switch (state) {
            case INITIAL -> INITIAL_REASON;
            case HEALTHY -> null;
            case UNHEALTHY -> lastFailure.reason();
        };
    }

    public String description() {
        return switch (state) {
            case INITIAL -> INITIAL_DESCRIPTION;
            case HEALTHY -> null;
            case UNHEALTHY -> lastFailure.description();
        };
    }
}
