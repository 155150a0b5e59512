package dev.privet.gateway.auth;

import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.PrincipalArn;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The access keys the gateway knows: the configured ones, then the local ones when they are on (see
 * {@link AuthConfig#localKeys()}).
 */
@ApplicationScoped
public class AccessKeys {
    static final String LOCAL_SECRET = "test";
    static final String LOCAL_KEY = "test";
    static final AccountId LOCAL_ACCOUNT = new AccountId("000000000000");

    /** A key's secret and the identity it stands for. */
    public record Credentials(String secret, Identity identity) {
    }

    private final AuthConfig config;

    AccessKeys(AuthConfig config) {
        this.config = config;
    }

    /** Refuses to start with a key whose account or principal is malformed: better than refusing its requests. */
    void checkKeys(@Observes StartupEvent started) {
        config.keys().forEach((id, key) -> {
            if (!AccountId.isValid(key.account())) {
                throw new IllegalStateException("privet.auth.keys.\"" + id + "\".account must be a 12-digit account "
                        + "id, got '" + key.account() + "'");
            }
            key.principal().filter(arn -> !PrincipalArn.isOf(key.account(), arn)).ifPresent(arn -> {
                throw new IllegalStateException("privet.auth.keys.\"" + id + "\".principal must be a user, role or "
                        + "root ARN of account " + key.account() + " (arn:aws:iam::" + key.account()
                        + ":user/<name>), got '" + arn + "'");
            });
        });
    }

    public Optional<Credentials> find(String accessKeyId) {
        AuthConfig.Key key = config.keys().get(accessKeyId);
        if (key != null) {
            AccountId account = new AccountId(key.account());
            return Optional.of(new Credentials(key.secret(), new Identity(accessKeyId, account,
                    key.principal().orElse(account.rootArn()))));
        }
        if (!config.localKeys()) {
            return Optional.empty();
        }
        Optional<AccountId> account = LOCAL_KEY.equals(accessKeyId) ? Optional.of(LOCAL_ACCOUNT)
                : Optional.of(accessKeyId).filter(AccountId::isValid).map(AccountId::new);
        // An account with a key of its own has no local key: the public secret must not open it.
        return account.filter(a -> config.keys().values().stream().noneMatch(k -> k.account().equals(a.value())))
                .map(a -> local(accessKeyId, a));
    }

    private static Credentials local(String accessKeyId, AccountId account) {
        return new Credentials(LOCAL_SECRET, new Identity(accessKeyId, account, account.rootArn()));
    }
}
