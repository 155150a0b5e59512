package dev.privet.gateway.auth;

import dev.privet.contracts.ids.AccountId;

/** Who a verified request acts for: the access key it was signed with, its account and its principal ARN. */
public record Identity(String accessKeyId, AccountId account, String principalArn) {

    /** An account's root, as a caller with an API key or (where enabled) the account header acts: no access key. */
    public static Identity root(AccountId account) {
        return new Identity(null, account, account.rootArn());
    }
}
