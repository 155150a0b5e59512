package dev.privet.consumer.domain;

/** A VPC as the consumer side knows it from network-service: its id and owner. */
public record Vpc(String vpcId, String ownerId) {
}
