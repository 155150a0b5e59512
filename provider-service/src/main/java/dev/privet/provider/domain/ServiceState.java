package dev.privet.provider.domain;

/** The lifecycle of an endpoint service, named as AWS names it on the wire. */
public enum ServiceState {
    /** Created; network-service has not yet confirmed its load balancers. */
    Pending,
    /** Its load balancers are confirmed: consumers can connect. */
    Available,
    /** Its load balancers were refused. It can still be deleted. */
    Failed,
    /** Its owner deleted it: it refuses every command, and the endpoints that ask for it afterwards; terminal. */
    Deleted
}
