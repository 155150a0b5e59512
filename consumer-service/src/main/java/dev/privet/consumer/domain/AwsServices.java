package dev.privet.consumer.domain;

import dev.privet.contracts.ids.DerivedId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.ids.Region;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * AWS's own services of the region, owned by {@code amazon}, which every caller's catalog lists beside the
 * providers' services: a fixed list, this one. Each is named {@code com.amazonaws.<region>.<service>} and detailed as
 * AWS details it; {@code s3} is listed twice, as AWS lists it, once per type. Its id is derived from its name and
 * type, so it is the same at every call and after every restart. Endpoints to them are not supported yet (they need
 * Gateway endpoints, and the services themselves).
 */
public final class AwsServices {
    /** Reached through route tables: a Gateway endpoint. */
    static final List<String> GATEWAY = List.of("dynamodb", "s3");
    /** Reached through interfaces in the consumer's subnets: an Interface endpoint. */
    static final List<String> INTERFACE = List.of("ec2", "ecr.api", "ecr.dkr", "elasticloadbalancing", "execute-api",
            "kms", "logs", "s3", "secretsmanager", "sns", "sqs", "ssm", "sts");

    private final Region region;
    private final List<ServiceDetail> services;

    public AwsServices(Region region) {
        this.region = region;
        this.services = Stream.concat(GATEWAY.stream().map(s -> gateway(region, s)),
                        INTERFACE.stream().map(s -> endpointInterface(region, s)))
                .sorted(ServiceDetail.ORDER).toList();
    }

    /** The region they are AWS's services of. */
    public Region region() {
        return region;
    }

    /** Every one of them, by name, then type. */
    public List<ServiceDetail> all() {
        return services;
    }

    /** The details of the service of that name: none, one, or two for a name offered as both types. */
    public List<ServiceDetail> named(String serviceName) {
        return services.stream().filter(s -> s.serviceName().equals(serviceName)).toList();
    }

    /** Whether {@code serviceName} is one of AWS's services here. */
    public boolean has(String serviceName) {
        return !named(serviceName).isEmpty();
    }

    /**
     * Whether {@code name} is shaped as an AWS service's name ({@code com.amazonaws.<region>.<service>}, of any
     * region): a name worth looking up, as a provider's {@code ServiceName} is.
     */
    public static boolean isNamedLikeOne(String name) {
        String[] parts = name.split("\\.", 4);
        if (parts.length < 4 || !parts[0].equals("com") || !parts[1].equals("amazonaws")) {
            return false;
        }
        try {
            new Region(parts[2]);
            return true;
        } catch (IllegalArgumentException notARegion) {
            return false;
        }
    }

    private static ServiceDetail gateway(Region region, String service) {
        return detail(region, service, ServiceDetail.GATEWAY, region.serviceHost(service), Optional.empty());
    }

    private static ServiceDetail endpointInterface(Region region, String service) {
        return detail(region, service, ServiceDetail.INTERFACE, region.vpceName(service),
                Optional.of(region.serviceHost(service)));
    }

    private static ServiceDetail detail(Region region, String service, String type, String baseEndpointDnsName,
                                        Optional<String> privateDnsName) {
        String name = "com.amazonaws." + region.name() + "." + service;
        return new ServiceDetail(name, DerivedId.of(IdFormat.ENDPOINT_SERVICE.prefix(), name, type), type,
                region.name(), ServiceDetail.AMAZON, EndpointServiceOffer.AVAILABLE, region.zones(),
                List.of(baseEndpointDnsName), privateDnsName, true, false, List.of());
    }
}
