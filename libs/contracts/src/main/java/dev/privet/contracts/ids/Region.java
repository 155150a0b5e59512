package dev.privet.contracts.ids;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** An AWS region name such as {@code us-east-1}; availability zones are the region plus a letter. */
public record Region(String name) {
    private static final Pattern FORMAT = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");

    public static final Region DEFAULT = new Region("us-east-1");
    /** How many zones every region has here: {@code a} to {@code f}, the same for every account. */
    private static final int ZONES = 6;

    public Region {
        if (name == null || !FORMAT.matcher(name).matches()) {
            throw new IllegalArgumentException("not a region name: '" + name + "'");
        }
    }

    /** Whether {@code zone} is one of this region's availability zones ({@code us-east-1a}). */
    public boolean hasZone(String zone) {
        return zone != null && zone.length() == name.length() + 1 && zone.startsWith(name)
                && Character.isLowerCase(zone.charAt(name.length()));
    }

    /**
     * The region's availability zones as this installation plays them ({@code us-east-1a} to {@code us-east-1f}): what
     * DescribeAvailabilityZones lists and where AWS's own services are offered.
     */
    public List<String> zones() {
        return IntStream.range(0, ZONES).mapToObj(i -> name + (char) ('a' + i)).toList();
    }

    /**
     * {@code <label>.<region>.vpce.amazonaws.com}: the name under which an endpoint service's endpoints are named, its
     * base endpoint DNS name ({@code label} is a provider's service id, or an AWS service such as {@code kms}).
     */
    public String vpceName(String label) {
        return label + "." + name + ".vpce.amazonaws.com";
    }

    /** {@code <service>.<region>.amazonaws.com}: an AWS service's regional host name ({@code kms}, {@code s3}). */
    public String serviceHost(String service) {
        return service + "." + name + ".amazonaws.com";
    }

    @Override
    public String toString() {
        return name;
    }
}
