package dev.privet.contracts.ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids of things AWS names but Privet keeps no record of (a permission, a connection, one of AWS's own services in the
 * catalog): derived from what they stand for, so every call and every restart shows the same one, in AWS's format of
 * a prefix and 17 hex digits.
 */
public final class DerivedId {
    private DerivedId() {
    }

    /** {@code prefix} and the first 17 hex digits of the SHA-256 of {@code parts}, one per line. */
    public static String of(String prefix, String... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest).substring(0, 17);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
