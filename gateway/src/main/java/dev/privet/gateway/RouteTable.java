package dev.privet.gateway;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The one place that says which service owns which part of the REST API: by the path's first two segments. */
public final class RouteTable {
    private static final Map<String, Backend> ROUTES = Map.ofEntries(
            Map.entry("/v1/endpoint-services", Backend.PROVIDER),
            Map.entry("/v1/endpoint-connections", Backend.PROVIDER),
            Map.entry("/v1/vpc-endpoints", Backend.CONSUMER),
            Map.entry("/v1/vpc-endpoint-services", Backend.CONSUMER),
            Map.entry("/v1/vpcs", Backend.NETWORK),
            Map.entry("/v1/subnets", Backend.NETWORK),
            Map.entry("/v1/load-balancers", Backend.NETWORK),
            Map.entry("/v1/target-groups", Backend.NETWORK),
            Map.entry("/v1/security-groups", Backend.NETWORK),
            Map.entry("/v1/network-interfaces", Backend.NETWORK),
            Map.entry("/v1/route-tables", Backend.NETWORK),
            Map.entry("/v1/route-table-associations", Backend.NETWORK),
            Map.entry("/v1/prefix-lists", Backend.NETWORK),
            Map.entry("/v1/endpoint-dns", Backend.DNS),
            Map.entry("/v1/dns-records", Backend.DNS),
            Map.entry("/v1/hosted-zones", Backend.DNS));

    /**
     * The literal segments of the services' paths below a collection (sub-resources and actions); every other segment
     * there is an id or a name.
     */
    private static final Set<String> WORDS = Set.of("acceptances", "associations", "attributes", "connections",
            "egress", "history", "ingress", "listeners", "permissions", "rejections", "revocations", "routes", "rrsets",
            "targets");

    private RouteTable() {
    }

    /**
     * The route {@code path} is counted under in the gateway's request metrics: the collection and the words of the
     * path, each id or name in it as {@code {id}} ({@code /v1/vpcs/vpc-0a1.../attributes} is
     * {@code /v1/vpcs/{id}/attributes}), so the metrics have one series per route, not one per resource.
     */
    public static String template(String path) {
        String[] segments = path.split("/", -1);
        StringBuilder template = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            template.append('/').append(i <= 2 || segment.isEmpty() || WORDS.contains(segment) ? segment : "{id}");
        }
        return template.toString();
    }

    /** The service that serves {@code path}, or empty when none does. */
    public static Optional<Backend> backendFor(String path) {
        if (path == null || !path.startsWith("/v1/")) {
            return Optional.empty();
        }
        int end = path.indexOf('/', "/v1/".length());
        String prefix = end < 0 ? path : path.substring(0, end);
        return Optional.ofNullable(ROUTES.get(prefix));
    }
}
