package dev.privet.network.api;

import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.Values.LoadBalancerAttributes;
import dev.privet.network.domain.LoadBalancer.Command.ModifyAttributes;

import java.util.List;

/**
 * What a request to change a load balancer's or a listener's attributes asks for, checked key by key before anything
 * changes. Access logs have no meaning here (there is no S3 to write them to): they can be set off, never on.
 * A listener has one attribute, {@code tcp.idle_timeout.seconds}, which Privet's forwarders do not apply (an idle
 * connection stays open until one of its ends closes it): it reads as AWS's default, and only that is taken.
 */
final class LoadBalancerAttributeRequest {
    static final String IDLE_TIMEOUT = "tcp.idle_timeout.seconds";
    /** AWS's default idle timeout of a network load balancer's TCP listener, the only one a listener here has. */
    static final String IDLE_TIMEOUT_SECONDS = "350";

    private LoadBalancerAttributeRequest() {
    }

    /** The change a request to a load balancer's attributes asks for. */
    static ModifyAttributes of(NetworkDtos.ModifyAttributes body) {
        Boolean deletionProtection = null;
        Boolean crossZone = null;
        String routing = null;
        Boolean zonalShift = null;
        for (RequestedAttribute attribute : RequestedAttribute.of(body)) {
            switch (attribute.key()) {
                case LoadBalancerAttributes.DELETION_PROTECTION -> deletionProtection = attribute.bool();
                case LoadBalancerAttributes.CROSS_ZONE -> crossZone = attribute.bool();
                case LoadBalancerAttributes.CLIENT_ROUTING_POLICY ->
                        routing = attribute.oneOf(LoadBalancerAttributes.CLIENT_ROUTING_POLICIES);
                case LoadBalancerAttributes.ZONAL_SHIFT -> zonalShift = attribute.bool();
                case LoadBalancerAttributes.ACCESS_LOGS -> {
                    if (attribute.bool()) {
                        throw noAccessLogs(attribute);
                    }
                }
                case LoadBalancerAttributes.ACCESS_LOGS_BUCKET, LoadBalancerAttributes.ACCESS_LOGS_PREFIX -> {
                    if (!attribute.value().isEmpty()) {
                        throw noAccessLogs(attribute);
                    }
                }
                default -> throw attribute.unrecognized();
            }
        }
        return new ModifyAttributes(deletionProtection, crossZone, routing, zonalShift);
    }

    /** A listener's attributes as they are: the idle timeout Privet answers with. */
    static List<NetworkDtos.Attribute> listenerAttributes() {
        return List.of(new NetworkDtos.Attribute(IDLE_TIMEOUT, IDLE_TIMEOUT_SECONDS));
    }

    /** Checks a request to change a listener's attributes: only the idle timeout Privet has is taken. */
    static void checkListener(NetworkDtos.ModifyAttributes body) {
        for (RequestedAttribute attribute : RequestedAttribute.of(body)) {
            if (!attribute.key().equals(IDLE_TIMEOUT)) {
                throw attribute.unrecognized();
            }
            if (attribute.number(60, 6000) != Integer.parseInt(IDLE_TIMEOUT_SECONDS)) {
                throw attribute.invalid(IDLE_TIMEOUT + " can only be " + IDLE_TIMEOUT_SECONDS + " here: Privet's "
                        + "forwarders close no connection for being idle, it stays open until one of its ends closes it");
            }
        }
    }

    private static Rejection noAccessLogs(RequestedAttribute attribute) {
        return attribute.invalid("Access logs are not supported: Privet has no S3 bucket to write them to, so "
                + LoadBalancerAttributes.ACCESS_LOGS + " can only be false (and the bucket and prefix empty)");
    }
}
