package dev.privet.dns.domain;

import dev.privet.contracts.ids.Region;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * The hosted zone id that an endpoint's DNS entries name, one fixed id per region, as AWS does for
 * {@code vpce.amazonaws.com}. us-east-1 uses AWS's own id {@value #US_EAST_1}; any other region gets a stable id
 * in the same shape ({@link HostedZoneId}) derived from the region's name, so it never
 * changes between runs or replicas.
 */
public final class VpceHostedZone {
    static final String US_EAST_1 = "Z7HUB22UULQXV";
    private static final Map<String, String> KNOWN = Map.of("us-east-1", US_EAST_1);

    private VpceHostedZone() {
    }

    public static String of(Region region) {
        String known = KNOWN.get(region.name());
        return known != null ? known : derived(region.name());
    }

    private static String derived(String regionName) {
        return HostedZoneId.of(sha256(regionName));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
