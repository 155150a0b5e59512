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
     * Whether an endpoint of {@code account} may connect to a service of {@code owner} that allows
     * {@code allowedPrincipals}: the owner always may, others when an allowed principal admits the account
     * ({@code *}, or the account's root ARN). Entries that are not principal ARNs admit nobody.
     */
    public static boolean admitsAccount(String owner, Collection<String> allowedPrincipals, AccountId account) {
        return owner.equals(account.value()) || allowedPrincipals.stream().filter(PrincipalArn::isValid)
                .anyMatch(p -> new PrincipalArn(p).admits(account.value(), account.rootArn()));
    }

    /** Whether this allowed principal admits a caller acting for {@code caller} account as {@code callerArn}. */
    public boolean admits(String callerAccount, String callerArn) {
        if (EVERYONE.equals(value) || value.equals(callerArn)) {
            return true;
        }
        return value.endsWith(":root") && account().map(callerAccount::equals).orElse(false);
    }
}
