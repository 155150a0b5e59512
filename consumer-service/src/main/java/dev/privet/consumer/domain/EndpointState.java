package dev.privet.consumer.domain;

import java.util.Arrays;

/** The lifecycle states of a VPC endpoint, with AWS's names on the wire. */
public enum EndpointState {
    PENDING_ACCEPTANCE("pendingAcceptance"),
    PENDING("pending"),
    AVAILABLE("available"),
    DELETING("deleting"),
    DELETED("deleted"),
    REJECTED("rejected"),
    FAILED("failed");

    private final String wireName;

    EndpointState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static EndpointState fromWire(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an endpoint state: '" + wireName + "'"));
    }

    /** Whether the endpoint is going away or gone: deletion is then already under way. */
    public boolean isBeingRemoved() {
        return this == DELETING || this == DELETED;
    }

    /** Whether the provider may still reject the endpoint: it waits for acceptance, is being built, or is up. */
    public boolean isConnectedOrWaiting() {
        return isInProgress() || this == AVAILABLE;
    }

    /** Whether the endpoint still waits for its connection, network and names. */
    public boolean isInProgress() {
        return this == PENDING_ACCEPTANCE || this == PENDING;
    }
}
