package dev.privet.provider.api;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.ids.PrincipalArn;

import java.util.List;

/** The body of a permissions change: principals to allow and principals to no longer allow. */
public record ModifyPermissionsRequest(List<String> addAllowedPrincipals, List<String> removeAllowedPrincipals) {
    static final String ADD = "addAllowedPrincipals";
    static final String REMOVE = "removeAllowedPrincipals";
    static final int MAX_PRINCIPALS = 100;

    /** Checks both lists; throws naming the first field at fault. */
    void validate() {
        if (add().isEmpty() && remove().isEmpty()) {
            throw Rejection.invalid(ErrorCode.MISSING_PARAMETER, ADD, "name principals in " + ADD + " or " + REMOVE);
        }
        check(ADD, add());
        check(REMOVE, remove());
    }

    List<String> add() {
        return addAllowedPrincipals == null ? List.of() : addAllowedPrincipals;
    }

    List<String> remove() {
        return removeAllowedPrincipals == null ? List.of() : removeAllowedPrincipals;
    }

    private static void check(String field, List<String> principals) {
        RequestLimits.atMost(field, principals, MAX_PRINCIPALS, "principals");
        for (int i = 0; i < principals.size(); i++) {
            String principal = principals.get(i);
            String at = field + "[" + i + "]";
            RequestLimits.length(at, principal, RequestLimits.MAX_ARN_LENGTH);
            if (!PrincipalArn.isValid(principal)) {
                throw Rejection.invalid(ErrorCode.INVALID_PRINCIPAL, at,
                        "not a principal ('*' or an IAM root, user or role ARN): '" + principal + "'");
            }
        }
    }
}
