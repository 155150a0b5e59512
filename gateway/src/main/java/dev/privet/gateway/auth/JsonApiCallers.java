package dev.privet.gateway.auth;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.http.PrivetHeaders;
import dev.privet.contracts.ids.AccountId;
import dev.privet.gateway.query.QueryFault;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who a JSON API request is from: a Signature V4 signer (any service name in its scope, the installation's region),
 * the account of a bearer API key, or, where the operator turned it on for local use, the account the
 * {@code X-Privet-Account} header names. The gateway passes on only the account it established this way.
 */
@ApplicationScoped
public class JsonApiCallers {
    static final String BEARER = "Bearer ";

    private final SignatureV4 signatures;
    private final AuthConfig config;

    JsonApiCallers(SignatureV4 signatures, AuthConfig config) {
        this.signatures = signatures;
        this.config = config;
    }

    /**
     * Who a request acts for: {@code authorization} and {@code claimed} are its {@code Authorization} and
     * {@code X-Privet-Account} headers, if any; {@code request} is read whole only for a signature, since every
     * JSON API request passes here.
     *
     * @throws QueryFault with AWS's code and status when the request proves no account
     */
    public Identity callerOf(Optional<String> authorization, Optional<String> claimed,
                             Supplier<IncomingRequest> request) {
        if (authorization.filter(a -> a.startsWith(SignatureV4.ALGORITHM)).isPresent()) {
            return signatures.verify(request.get()).identity();
        }
        if (authorization.filter(a -> a.startsWith(BEARER)).isPresent()) {
            return Identity.root(apiKeyAccount(authorization.get().substring(BEARER.length()).trim()));
        }
        if (config.accountHeader() && claimed.isPresent()) {
            if (!AccountId.isValid(claimed.get())) {
                throw QueryFault.of(ErrorCode.AUTH_FAILURE, PrivetHeaders.ACCOUNT + " must be a 12-digit account id");
            }
            return Identity.root(new AccountId(claimed.get()));
        }
        throw QueryFault.of(ErrorCode.AUTH_FAILURE, "Sign the request (Signature V4) or send an API key "
                + "(Authorization: Bearer ...)" + (config.accountHeader() ? ", or name the account in X-Privet-Account" : ""));
    }

    private AccountId apiKeyAccount(String key) {
        byte[] given = key.getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<String, String> entry : config.apiKeys().entrySet()) {
            if (MessageDigest.isEqual(entry.getKey().getBytes(StandardCharsets.UTF_8), given)) {
                return new AccountId(entry.getValue());
            }
        }
        throw QueryFault.of(ErrorCode.INVALID_CLIENT_TOKEN_ID, "The API key is not valid");
    }
}
