package dev.privet.consumer.domain;

/**
 * Where a VPC endpoint's stream stands: not requested yet (the state of a stream with no events), or an endpoint
 * with its lifecycle state. A sealed pair, so every rule says what it does in both cases.
 */
public sealed interface VpcEndpointState permits VpcEndpointState.NotRequested, VpcEndpoint {

    /** No endpoint has been requested under this id: the stream is empty. */
    record NotRequested() implements VpcEndpointState {
    }
}
