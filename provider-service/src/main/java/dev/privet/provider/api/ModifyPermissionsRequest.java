package dev.privet.provider.api;

import dev.privet.contracts.ids.PrincipalArn;
import dev.privet.runtime.ApiException;

import java.util.List;

/** The body of a permissions change: principals to allow and principals to no longer allow. */
public record ModifyPermissionsRequest(List<String> addAllowedPrincipals, List<String> removeAllowedPrincipals) {
    static final String ADD = "addAllowedPrincipals";
    static final String REMOVE = "removeAllowedPrincipals";

    void validate() {
        if (add().isEmpty() && remove().isEmpty()) {
            throw new ApiException(400, "MissingParameter", ADD,
                    "name principals in " + ADD + " or " + REMOVE);
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
        for (int i = 0; i < principals.size(); i++) {
            if (!PrincipalArn.isValid(principals.get(i))) {
                throw new ApiException(400, "InvalidPrincipal", field + "[" + i + "]",
                        "not a principal ('*' or an IAM root, user or role ARN): '" + principals.get(i) + "'");
            }
        }
    }
}
