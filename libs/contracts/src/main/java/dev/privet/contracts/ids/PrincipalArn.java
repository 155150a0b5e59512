package dev.privet.contracts.ids;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A principal an endpoint service can allow: {@code *}, or an IAM ARN
 * {@code arn:aws:iam::<account>:root}, {@code :user/<path/name>} or {@code :role/<path/name>}.
 */
public record PrincipalArn(String value) {
    public static final String EVERYONE = "*";
    private static final Pattern IAM = Pattern.compile("arn:aws:iam::(\\d{12}):(root|user/[\\w+=,.@/-]{1,512}|role/[\\w+=,.@/-]{1,512})");

    public PrincipalArn {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a principal ARN: '" + value + "'");
        }
    }

    public static boolean isValid(String value) {
        return EVERYONE.equals(value) || (value != null && IAM.matcher(value).matches());
    }

    /** The account the principal belongs to; empty for {@code *}. */
    public Optional<String> account() {
        Matcher m = IAM.matcher(value);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Whether a caller of {@code account}, acting as {@code callerArn}, may connect an endpoint to a service of
     * {@code owner} that allows {@code allowedPrincipals}: the owner always may, others when an allowed principal
     * admits the caller ({@code *}, the account's root ARN, or the caller's own user or role ARN). Entries that are
     * not principal ARNs admit nobody.
     */
    public static boolean admitsCaller(String owner, Collection<String> allowedPrincipals, String account,
                                       String callerArn) {
        return owner.equals(account) || allowedPrincipals.stream().filter(PrincipalArn::isValid)
                .anyMatch(p -> new PrincipalArn(p).admits(account, callerArn));
    }

    /** Whether {@code arn} is a user, role or root ARN of {@code account} (not {@code *}). */
    public static boolean isOf(String account, String arn) {
        return arn != null && !EVERYONE.equals(arn) && isValid(arn)
                && new PrincipalArn(arn).account().map(account::equals).orElse(false);
    }

    /**
     * The principal a caller of {@code account} acted as, from what an event recorded: {@code recorded} when it is
     * an IAM ARN of that account, else the account's root (events recorded before principals were have none).
     */
    public static String actingFor(String account, String recorded) {
        return isOf(account, recorded) ? recorded : new AccountId(account).rootArn();
    }

    /** Whether this allowed principal admits a caller acting for {@code caller} account as {@code callerArn}. */
    public boolean admits(String callerAccount, String callerArn) {
        if (EVERYONE.equals(value) || value.equals(callerArn)) {
            return true;
        }
        return value.endsWith(":root") && account().map(callerAccount::equals).orElse(false);
    }
}
