package dev.privet.consumer.domain;

import java.util.Optional;

/**
 * A VPC as the consumer side knows it from network-service: its id, its owner and its default security group (which
 * network-service makes with the VPC; absent while the view has not seen it, and for VPCs made before groups were).
 */
public record Vpc(String vpcId, String ownerId, Optional<String> defaultSecurityGroupId) {
}
