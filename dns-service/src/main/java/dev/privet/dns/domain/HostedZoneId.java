package dev.privet.dns.domain;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The shape of a Route 53 hosted zone id: {@code Z} and 13 upper-case base-32 characters. Zones a provider creates
 * get random ones; the zone of endpoint names gets one derived from its region ({@link VpceHostedZone}).
 */
public final class HostedZoneId {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int LENGTH = 13;
    private static final Pattern FORMAT = Pattern.compile("Z[A-Z2-7]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private HostedZoneId() {
    }

    /** A new random id. */
    public static String random() {
        byte[] bytes = new byte[LENGTH];
        RANDOM.nextBytes(bytes);
        return of(bytes);
    }

    /** The id spelt by the first 13 bytes given, one base-32 character each. */
    static String of(byte[] bytes) {
        StringBuilder id = new StringBuilder("Z");
        for (int i = 0; i < LENGTH; i++) {
            id.append(BASE32.charAt((bytes[i] & 0xff) % BASE32.length()));
        }
        return id.toString();
    }

    /** Whether the text has the shape of an id; this bounds its length too. */
    public static boolean isWellFormed(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }
}
