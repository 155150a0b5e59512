package dev.privet.gateway.query;

import dev.privet.contracts.ids.AccountId;
import dev.privet.gateway.auth.Identity;

/** One Query API request being handled: its parameters, who makes it, and the way to the services. */
public record QueryCall(QueryParameters params, Identity identity, ServiceCalls services, String region) {

    /** The account the request acts for. */
    public AccountId caller() {
        return identity.account();
    }
}
