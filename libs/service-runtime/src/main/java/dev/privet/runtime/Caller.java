package dev.privet.runtime;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.PrincipalArn;
import dev.privet.contracts.ids.Requester;
import dev.privet.contracts.http.PrivetHeaders;

/**
 * The account a request acts for, in the {@value #HEADER} header: the gateway sets it to the account the request
 * proved (see {@link GatewaySecret} for why a service can trust it).
 */
public final class Caller {
    public static final String HEADER = PrivetHeaders.ACCOUNT;

    private Caller() {
    }

    public static AccountId require(String header) {
        if (header == null || header.isBlank()) {
            throw new Rejection(Rejection.Kind.UNAUTHENTICATED, ErrorCode.AUTH_FAILURE, HEADER,
                    "name the calling account in the " + HEADER + " header");
        }
        if (!AccountId.isValid(header)) {
            throw new Rejection(Rejection.Kind.UNAUTHENTICATED, ErrorCode.AUTH_FAILURE, HEADER,
                    HEADER + " must be a 12-digit account id, got '" + header + "'");
        }
        return new AccountId(header);
    }

    /**
     * The account of {@code accountHeader} and the IAM principal of it the request acts as, from the
     * {@value PrivetHeaders#PRINCIPAL} header the gateway sets: a user, role or root ARN of that account; without
     * the header, the account's root.
     */
    public static Requester requester(String accountHeader, String principalHeader) {
        AccountId account = require(accountHeader);
        if (principalHeader == null || principalHeader.isBlank()) {
            return Requester.root(account);
        }
        if (!PrincipalArn.isOf(account.value(), principalHeader)) {
            throw new Rejection(Rejection.Kind.UNAUTHENTICATED, ErrorCode.AUTH_FAILURE, PrivetHeaders.PRINCIPAL,
                    PrivetHeaders.PRINCIPAL + " must be an IAM ARN of account " + account.value() + ", got '"
                            + principalHeader + "'");
        }
        return new Requester(account, principalHeader);
    }
}
