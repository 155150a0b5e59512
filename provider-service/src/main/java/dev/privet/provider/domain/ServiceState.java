package dev.privet.provider.domain;

/** The lifecycle of an endpoint service, named as AWS names it on the wire. */
public enum ServiceState {
    /** Created; network-service has not yet confirmed its load balancers. */
    Pending,
    /** Its load balancers are confirmed: consumers can connect. */
    Available,
    /** Its load balancers were refused; terminal. */
    Failed
}
