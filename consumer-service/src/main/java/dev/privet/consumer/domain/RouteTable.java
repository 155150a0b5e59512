package dev.privet.consumer.domain;

/** A route table as the consumer side knows it (a projection of network-service's events). */
public record RouteTable(String routeTableId, String vpcId, String ownerId) {
}
