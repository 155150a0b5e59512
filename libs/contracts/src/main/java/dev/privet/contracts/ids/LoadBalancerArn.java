package dev.privet.contracts.ids;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The ARN of a load balancer,
 * {@code arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/<net|gwy>/<name>/<16 hex>}.
 */
public final class LoadBalancerArn {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile(
            "arn:aws:elasticloadbalancing:[a-z0-9-]+:\\d{12}:loadbalancer/(net|gwy|app)/[A-Za-z0-9-]{1,32}/[0-9a-f]{16}");
    /** A load balancer name: 1 to 32 alphanumerics or hyphens, not starting or ending with a hyphen. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,30}[A-Za-z0-9])?");

    private LoadBalancerArn() {
    }

    public static String of(Region region, AccountId owner, String kind, String name) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "arn:aws:elasticloadbalancing:" + region + ":" + owner + ":loadbalancer/" + kind + "/" + name + "/"
                + HexFormat.of().formatHex(bytes);
    }

    public static boolean isValid(String arn) {
        return arn != null && FORMAT.matcher(arn).matches();
    }

    /** The name in a well-formed ARN. */
    public static java.util.Optional<String> name(String arn) {
        if (!isValid(arn)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(arn.split("/")[2]);
    }

    /**
     * The ARN of the load balancer's listener on {@code port}:
     * {@code arn:aws:elasticloadbalancing:<region>:<account>:listener/net/<name>/<16 hex>/<16 hex>}. A port has one
     * listener, so the last part is derived from the load balancer and the port, and every reader computes the same.
     */
    public static String listenerArn(String loadBalancerArn, int port) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((loadBalancerArn + "#" + port).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return loadBalancerArn.replace(":loadbalancer/", ":listener/") + "/"
                    + HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The load balancer a listener ARN belongs to (the inverse of {@link #listenerArn}), if it is one. */
    public static java.util.Optional<String> ofListener(String listenerArn) {
        int last = listenerArn == null ? -1 : listenerArn.lastIndexOf('/');
        if (last < 0 || !listenerArn.contains(":listener/")) {
            return java.util.Optional.empty();
        }
        String loadBalancerArn = listenerArn.substring(0, last).replace(":listener/", ":loadbalancer/");
        return isValid(loadBalancerArn) ? java.util.Optional.of(loadBalancerArn) : java.util.Optional.empty();
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.startsWith("internal-");
    }
}
