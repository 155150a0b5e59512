package dev.privet.provider.domain;

/**
 * What an endpoint service stream says: nothing yet ({@link NotCreated}, the state of an id no one has created), or
 * a created {@link EndpointService}.
 */
public sealed interface EndpointServiceState permits EndpointServiceState.NotCreated, EndpointService {

    /** No service with this id exists: its stream has no events. */
    record NotCreated() implements EndpointServiceState {
    }
}
