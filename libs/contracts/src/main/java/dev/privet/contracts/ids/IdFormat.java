package dev.privet.contracts.ids;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The AWS resource id formats Privet issues: a prefix and 17 lowercase hex digits
 * ({@code vpce-0a1b2c3d4e5f60718}). Each format is defined here once.
 */
public enum IdFormat {
    VPC("vpc-"),
    SUBNET("subnet-"),
    VPC_ENDPOINT("vpce-"),
    ENDPOINT_SERVICE("vpce-svc-"),
    NETWORK_INTERFACE("eni-");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int HEX_DIGITS = 17;

    private final String prefix;
    private final Pattern pattern;

    IdFormat(String prefix) {
        this.prefix = prefix;
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
}
