package dev.privet.consumer.domain;

/** A security group as the consumer side knows it from network-service: its VPC and its owner. */
public record SecurityGroup(String groupId, String vpcId, String ownerId) {
}
