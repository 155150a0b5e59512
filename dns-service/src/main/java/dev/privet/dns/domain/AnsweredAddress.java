package dev.privet.dns.domain;

import dev.privet.contracts.events.Values.EndpointInterface;

/**
 * Which address of an interface the endpoint's names answer with: its data plane address, where its forwarders
 * really listen (the default, so a client that resolves the name reaches the provider), or its private IP, as AWS
 * answers (for a host whose network routes the private ranges to the data plane itself). An interface recorded
 * before the data plane existed has only its private IP, and answers with it.
 */
public enum AnsweredAddress {
    DATA_PLANE,
    PRIVATE_IP;

    public String of(EndpointInterface eni) {
        return this == DATA_PLANE && eni.dataPlaneAddress() != null ? eni.dataPlaneAddress() : eni.privateIpAddress();
    }
}
