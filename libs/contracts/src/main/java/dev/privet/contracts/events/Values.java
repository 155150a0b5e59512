package dev.privet.contracts.events;

import java.util.List;

/** Value types the events carry. */
public final class Values {
    private Values() {
    }

    /**
     * A load balancer listener: the protocol ({@code TCP}) and port the service is reached on, and the target group
     * it forwards to. A listener made with its load balancer in one request has none: it forwards to that load
     * balancer's own targets.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Listener(String protocol, int port, String targetGroupArn) {
        /** A listener that forwards to its load balancer's own targets. */
        public Listener(String protocol, int port) {
            this(protocol, port, null);
        }
    }

    /** A target registered in a target group: an IP address or an instance id, and the port it is reached on. */
    public record RegisteredTarget(String id, int port) {
    }

    /**
     * How a target group's targets are to be checked, with AWS's names and a network load balancer's defaults:
     * {@code protocol} {@code TCP}, {@code HTTP} or {@code HTTPS}; {@code port} {@code traffic-port} (the target's own)
     * or a number; {@code path} what an HTTP or HTTPS check requests (none in checks recorded before it was kept,
     * which request {@code /}, AWS's default).
     */
    public record HealthCheck(String protocol, String port, int intervalSeconds, int timeoutSeconds,
                              int healthyThreshold, int unhealthyThreshold, String path) {
        /** A network load balancer's defaults: TCP on the traffic port, every 30 s, 10 s timeout, 5 up, 2 down. */
        public static final HealthCheck DEFAULT = new HealthCheck("TCP", "traffic-port", 30, 10, 5, 2, null);
        public static final String TRAFFIC_PORT = "traffic-port";

        /** The path an HTTP or HTTPS check requests. */
        public String requestPath() {
            return path == null ? "/" : path;
        }

        /** The port a check of a target listening on {@code trafficPort} connects to. */
        public int portFor(int trafficPort) {
            return TRAFFIC_PORT.equals(port) ? trafficPort : Integer.parseInt(port);
        }
    }

    /**
     * The attributes of a target group that Privet acts on, with a network load balancer's defaults: how long the
     * connections of a deregistered target (or a released endpoint) go on before they are closed, and whether the
     * forwarders open each connection to a target with a PROXY protocol v2 header.
     */
    public record TargetGroupAttributes(int deregistrationDelaySeconds, boolean proxyProtocolV2) {
        public static final TargetGroupAttributes DEFAULT = new TargetGroupAttributes(300, false);
        /** Elastic Load Balancing's keys of the two. */
        public static final String DEREGISTRATION_DELAY = "deregistration_delay.timeout_seconds";
        public static final String PROXY_PROTOCOL_V2 = "proxy_protocol_v2.enabled";
    }

    /**
     * A VPC's DNS attributes, as EC2's ModifyVpcAttribute sets them: whether the VPC's resolver answers
     * ({@code enableDnsSupport}), whether its instances get DNS hostnames ({@code enableDnsHostnames}), and whether
     * network address usage metrics are on. {@link #DEFAULT} is what AWS gives a VPC that is not a default VPC.
     */
    public record VpcAttributes(boolean enableDnsSupport, boolean enableDnsHostnames,
                                boolean enableNetworkAddressUsageMetrics) {
        public static final VpcAttributes DEFAULT = new VpcAttributes(true, false, false);
    }

    /**
     * The attributes of a load balancer that Privet records, with a network load balancer's defaults and Elastic Load
     * Balancing's keys. {@code deletionProtection} is enforced: the load balancer is not deleted while it is on. The
     * others are recorded and shown; the data plane forwards to every target whatever they say (see docs/aws-api.md).
     * Access logs are not among them: Privet has no S3 to write them to, and they are always off.
     */
    public record LoadBalancerAttributes(boolean deletionProtection, boolean crossZone, String clientRoutingPolicy,
                                         boolean zonalShift) {
        public static final LoadBalancerAttributes DEFAULT = new LoadBalancerAttributes(false, false,
                "any_availability_zone", false);
        public static final String DELETION_PROTECTION = "deletion_protection.enabled";
        public static final String CROSS_ZONE = "load_balancing.cross_zone.enabled";
        public static final String CLIENT_ROUTING_POLICY = "dns_record.client_routing_policy";
        public static final String ZONAL_SHIFT = "zonal_shift.config.enabled";
        public static final String ACCESS_LOGS = "access_logs.s3.enabled";
        public static final String ACCESS_LOGS_BUCKET = "access_logs.s3.bucket";
        public static final String ACCESS_LOGS_PREFIX = "access_logs.s3.prefix";
        /** AWS's values of {@code dns_record.client_routing_policy}. */
        public static final java.util.Set<String> CLIENT_ROUTING_POLICIES = java.util.Set.of("any_availability_zone",
                "availability_zone_affinity", "partial_availability_zone_affinity");
    }

    /** A load balancer target: where the provider's real backend listens. */
    public record Target(String host, int port) {
    }

    /**
     * An endpoint network interface: its id, subnet, zone, private address, and the data plane address where its
     * forwarders listen (none in events recorded before the data plane existed).
     */
    public record EndpointInterface(String networkInterfaceId, String subnetId, String availabilityZone,
                                    String privateIpAddress, String dataPlaneAddress) {
    }

    /**
     * A route of a route table: one destination (a CIDR block, or a managed prefix list's id) and one target (a
     * gateway, which is {@code local} for the VPC's own block or a Gateway endpoint's id, or a network interface).
     * {@code origin} is AWS's: {@code CreateRouteTable} for the local route, {@code CreateRoute} for the others.
     */
    public record Route(String destinationCidrBlock, String destinationPrefixListId, String gatewayId,
                        String networkInterfaceId, String origin) {
        public static final String LOCAL = "local";
        public static final String CREATE_ROUTE = "CreateRoute";
        public static final String CREATE_ROUTE_TABLE = "CreateRouteTable";

        /** The VPC's own block, reached inside the VPC. */
        public static Route local(String vpcCidrBlock) {
            return new Route(vpcCidrBlock, null, LOCAL, null, CREATE_ROUTE_TABLE);
        }

        /** Where the route goes to: its CIDR block or its prefix list's id. */
        public String destination() {
            return destinationCidrBlock != null ? destinationCidrBlock : destinationPrefixListId;
        }

        /** What the route sends to: its gateway or its network interface. */
        public String target() {
            return gatewayId != null ? gatewayId : networkInterfaceId;
        }

        @com.fasterxml.jackson.annotation.JsonIgnore // a derived fact, not a field of the event
        public boolean isLocal() {
            return LOCAL.equals(gatewayId);
        }
    }

    /**
     * A rule of a security group, one source or destination each, as EC2's {@code SecurityGroupRule}: inbound
     * ({@code egress} false) or outbound; {@code ipProtocol} {@code tcp}, {@code udp}, {@code icmp} or {@code -1}
     * (all, with no ports); the port range of tcp and udp (for icmp, the type and the code, {@code -1} for all); and
     * the peer: an IPv4 block ({@code cidrIpv4}) or a security group ({@code referencedGroupId}).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record SecurityGroupRule(String securityGroupRuleId, boolean egress, String ipProtocol, Integer fromPort,
                                    Integer toPort, String cidrIpv4, String referencedGroupId, String description) {
        /** The protocol that stands for all of them. */
        public static final String ALL_PROTOCOLS = "-1";
    }

    /** A tag of a resource: a key, unique on the resource, and a value (possibly empty). */
    public record Tag(String key, String value) {
    }

    /** A DNS name of an endpoint, as AWS lists it in {@code DnsEntries}. */
    public record DnsEntry(String dnsName, String hostedZoneId) {
    }

    /** A record set of a hosted zone: a name, a type, a TTL in seconds and its values, in master-file text. */
    public record RecordSet(String name, String type, long ttl, List<String> values) {
        public RecordSet {
            values = List.copyOf(values);
        }
    }

    /** One change of a change batch: {@code CREATE}, {@code UPSERT} or {@code DELETE} of a record set. */
    public record RecordSetChange(String action, RecordSet recordSet) {
    }
}
