package dev.privet.consumer.domain;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.events.Values.Tag;
import dev.privet.contracts.ids.Region;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A service of the catalog as DescribeVpcEndpointServices details it (AWS's {@code ServiceDetail}): one of AWS's own
 * ({@link AwsServices}) or a provider's. A service offered as two types (AWS's {@code s3}) is two details of one name.
 * What is the same for every service here is not a field: {@link #managesVpcEndpoints()}, {@link
 * #payerResponsibility()}, {@link #supportedIpAddressTypes()}.
 */
public record ServiceDetail(String serviceName, String serviceId, String serviceType, String serviceRegion,
                            String owner, String serviceState, List<String> availabilityZones,
                            List<String> baseEndpointDnsNames, Optional<String> privateDnsName,
                            boolean vpcEndpointPolicySupported, boolean acceptanceRequired, List<Tag> tags) {
    /** The endpoint types, spelt once, in the contracts. */
    public static final String INTERFACE = VpcEndpointRequested.INTERFACE;
    public static final String GATEWAY = VpcEndpointRequested.GATEWAY;
    /** The owner AWS shows for its own services, where a provider's show its account. */
    public static final String AMAZON = "amazon";
    public static final String VERIFIED = "verified";
    /** How the catalog lists services: by name, then type. */
    public static final Comparator<ServiceDetail> ORDER = Comparator.comparing(ServiceDetail::serviceName)
            .thenComparing(ServiceDetail::serviceType);

    public ServiceDetail {
        availabilityZones = List.copyOf(availabilityZones);
        baseEndpointDnsNames = List.copyOf(baseEndpointDnsNames);
        tags = List.copyOf(tags);
    }

    /**
     * A provider's service, offered to the catalog's caller: an Interface service in the zones of its load balancers,
     * whose base DNS name is its id's, as its endpoints' names are. It has no private DNS name (provider-service has
     * none yet), and AWS's endpoint policies are for its own services.
     */
    public static ServiceDetail of(EndpointServiceOffer offer, Region region, List<String> availabilityZones,
                                   List<Tag> tags) {
        return new ServiceDetail(offer.serviceName(), offer.serviceId(), offer.serviceType(), region.name(),
                offer.ownerId(), offer.serviceState(), availabilityZones, List.of(region.vpceName(offer.serviceId())),
                Optional.empty(), false, offer.acceptanceRequired(), tags);
    }

    /** The service as an endpoint request sees it: one of AWS's takes endpoints from everyone, at once. */
    public EndpointServiceOffer offer() {
        return new EndpointServiceOffer(serviceId, serviceName, serviceType, owner, serviceState, acceptanceRequired,
                List.of("*"));
    }

    /** Whether the private DNS name is verified; only a service with one has the state. */
    public Optional<String> privateDnsNameVerificationState() {
        return privateDnsName.map(name -> VERIFIED);
    }

    /** No service here manages its endpoints itself (AWS's are those of services such as Network Firewall). */
    public boolean managesVpcEndpoints() {
        return false;
    }

    /** The service owner pays for its endpoints, the one value AWS has. */
    public String payerResponsibility() {
        return "ServiceOwner";
    }

    public List<String> supportedIpAddressTypes() {
        return List.of("ipv4");
    }
}
