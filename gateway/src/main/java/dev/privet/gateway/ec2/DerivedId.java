package dev.privet.gateway.ec2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids of things AWS names but Privet keeps no record of (a permission, a connection): derived from what they stand
 * for, so every call shows the same one, in AWS's format of a prefix and 17 hex digits.
 */
final class DerivedId {
    private DerivedId() {
    }

    /** {@code prefix} and the first 17 hex digits of the SHA-256 of {@code parts}, one per line. */
    static String of(String prefix, String... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest).substring(0, 17);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
