package dev.privet.contracts.ids;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ARN of a target group, {@code arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<16 hex>}.
 * Its name follows the load balancers' rule ({@link LoadBalancerArn#isValidName}).
 */
public final class TargetGroupArn {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile(
            "arn:aws:elasticloadbalancing:[a-z0-9-]+:(\\d{12}):targetgroup/([A-Za-z0-9-]{1,32})/[0-9a-f]{16}");

    private TargetGroupArn() {
    }

    public static String of(Region region, AccountId owner, String name) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "arn:aws:elasticloadbalancing:" + region + ":" + owner + ":targetgroup/" + name + "/"
                + HexFormat.of().formatHex(bytes);
    }

    public static boolean isValid(String arn) {
        return arn != null && FORMAT.matcher(arn).matches();
    }

    /** The name in a well-formed ARN. */
    public static Optional<String> name(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(arn);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }
}
