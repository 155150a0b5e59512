package dev.privet.contracts.ids;

import java.security.SecureRandom;

/**
 * The DNS names AWS gives an interface endpoint: a regional name
 * {@code vpce-<17 hex>-<8 alnum>.vpce-svc-<17 hex>.<region>.vpce.amazonaws.com} and one zonal name per
 * availability zone, the same with {@code -<az>} after the 8 characters.
 */
public record EndpointDnsNames(String endpointId, String suffix, String serviceId, Region region) {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The names of a new endpoint, with a fresh random 8-character suffix. */
    public static EndpointDnsNames generate(String endpointId, String serviceId, Region region) {
        StringBuilder suffix = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new EndpointDnsNames(endpointId, suffix.toString(), serviceId, region);
    }

    /**
     * The names of an endpoint whose regional name is {@code regionalName}: a change of its subnets keeps its names
     * and adds or drops zonal ones. Throws for a name that is not an endpoint's regional name.
     */
    public static EndpointDnsNames ofRegional(String regionalName) {
        String[] labels = regionalName.split("\\.", 3);
        int cut = labels[0].lastIndexOf('-');
        if (labels.length < 3 || cut < 0 || !labels[2].endsWith(".vpce.amazonaws.com")) {
            throw new IllegalArgumentException("not an endpoint's regional name: " + regionalName);
        }
        String region = labels[2].substring(0, labels[2].length() - ".vpce.amazonaws.com".length());
        return new EndpointDnsNames(labels[0].substring(0, cut), labels[0].substring(cut + 1), labels[1],
                new Region(region));
    }

    public String regional() {
        return endpointId + "-" + suffix + "." + zoneApex();
    }

    public String zonal(String availabilityZone) {
        return endpointId + "-" + suffix + "-" + availabilityZone + "." + zoneApex();
    }

    private String zoneApex() {
        return serviceId + "." + region + ".vpce.amazonaws.com";
    }
}
