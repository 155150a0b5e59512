package dev.privet.runtime;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.ids.AccountId;

/**
 * The account a request acts for. Until signed requests arrive with the gateway's EC2 API, a request names it in
 * the {@value #HEADER} header.
 */
public final class Caller {
    public static final String HEADER = "X-Privet-Account";

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
}
