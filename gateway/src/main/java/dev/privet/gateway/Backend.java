package dev.privet.gateway;

/** A service behind the gateway. */
public enum Backend {
    PROVIDER("provider"),
    CONSUMER("consumer"),
    NETWORK("network"),
    DNS("dns");

    private final String serviceName;

    Backend(String serviceName) {
        this.serviceName = serviceName;
    }

    /** The service's short name, as in {@code privet.services.<name>.url}. */
    public String serviceName() {
        return serviceName;
    }
}
