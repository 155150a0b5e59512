package dev.privet.contracts.ids;

/**
 * Who a request comes from: the account it acts for and the IAM principal of that account it acts as (a user or
 * role ARN, or the account's root). Ownership goes by the account; an endpoint service's allowed principals admit
 * by either.
 */
public record Requester(AccountId account, String principalArn) {

    public Requester {
        if (!PrincipalArn.isOf(account.value(), principalArn)) {
            throw new IllegalArgumentException(principalArn + " is not a principal of account " + account.value());
        }
    }

    /** The account's root, as a request that names no principal acts. */
    public static Requester root(AccountId account) {
        return new Requester(account, account.rootArn());
    }

    /** The account's id. */
    public String accountId() {
        return account.value();
    }
}
