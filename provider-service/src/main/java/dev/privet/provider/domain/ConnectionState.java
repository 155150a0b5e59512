package dev.privet.provider.domain;

/** The state of an endpoint's connection to a service, as the provider sees it, with AWS's wire names. */
public enum ConnectionState {
    PENDING_ACCEPTANCE("pendingAcceptance"),
    ACCEPTED("available"),
    REJECTED("rejected"),
    DELETED("deleted");

    private final String wireName;

    ConnectionState(String wireName) {
        this.wireName = wireName;
    }

    /** The {@code VpcEndpointState} AWS reports for a connection in this state. */
    public String wireName() {
        return wireName;
    }
}
