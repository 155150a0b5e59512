package dev.privet.consumer.domain;

/** A subnet as the consumer side knows it from network-service: where it is and who owns it. */
public record Subnet(String subnetId, String vpcId, String ownerId, String availabilityZone, String cidrBlock) {
}
