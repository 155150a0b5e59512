package dev.privet.provider.domain;

import dev.privet.contracts.errors.ErrorCode;

/**
 * An endpoint that the owner's accept or reject left as it was, and why: AWS reports each as an unsuccessful item
 * of the request, which as a whole succeeds.
 */
public record UnsuccessfulConnection(String vpcEndpointId, ErrorCode code, String message) {
}
