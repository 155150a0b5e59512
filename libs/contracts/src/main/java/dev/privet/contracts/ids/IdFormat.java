package dev.privet.contracts.ids;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The AWS resource id formats Privet issues: a prefix and 17 lowercase hex digits
 * ({@code vpce-0a1b2c3d4e5f60718}). Each format is defined here once.
 */
public enum IdFormat {
    VPC("vpc-", "vpc"),
    SUBNET("subnet-", "subnet"),
    VPC_ENDPOINT("vpce-", "vpc-endpoint"),
    ENDPOINT_SERVICE("vpce-svc-", "vpc-endpoint-service"),
    NETWORK_INTERFACE("eni-", "network-interface"),
    ROUTE_TABLE("rtb-", "route-table"),
    ROUTE_TABLE_ASSOCIATION("rtbassoc-", "route-table-association"),
    PREFIX_LIST("pl-", "prefix-list"),
    SECURITY_GROUP("sg-", "security-group"),
    SECURITY_GROUP_RULE("sgr-", "security-group-rule");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int HEX_DIGITS = 17;

    private final String prefix;
    private final String resourceType;
    private final Pattern pattern;

    IdFormat(String prefix, String resourceType) {
        this.prefix = prefix;
        this.resourceType = resourceType;
        this.pattern = Pattern.compile(Pattern.quote(prefix) + "[0-9a-f]{" + HEX_DIGITS + "}");
    }

    /** A new random id of this format. */
    public String newId() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes).substring(0, HEX_DIGITS);
    }

    /** Whether {@code id} is exactly of this format. */
    public boolean matches(String id) {
        return id != null && pattern.matcher(id).matches();
    }

    public String prefix() {
        return prefix;
    }

    /** The resource type EC2 names resources of this format by, in tag specifications and in DescribeTags. */
    public String resourceType() {
        return resourceType;
    }

    /** The format {@code id} is exactly of, if any. */
    public static java.util.Optional<IdFormat> of(String id) {
        return java.util.Arrays.stream(values()).filter(format -> format.matches(id)).findFirst();
    }
}
