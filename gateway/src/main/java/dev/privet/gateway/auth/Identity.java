package dev.privet.gateway.auth;

import dev.privet.contracts.ids.AccountId;

/** Who a verified request acts for: the access key it was signed with, its account and its principal ARN. */
public record Identity(String accessKeyId, AccountId account, String principalArn) {
}
