package dev.privet.gateway.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Who may call the Query API, and how strictly a signature's time is checked. */
@ConfigMapping(prefix = "privet.auth")
public interface AuthConfig {

    /**
     * The local keys, for a cluster on a developer's machine: the access key {@code test} is account
     * {@code 000000000000}, and an access key id of twelve digits is that account; both with the secret
     * {@code test}, which everyone knows. Off unless turned on (the local cluster turns it on); never for an
     * account that has a configured key.
     */
    @WithName("local-keys")
    @WithDefault("false")
    boolean localKeys();

    /** Configured access keys, by access key id: {@code privet.auth.keys.<id>.secret}, {@code .account}. */
    Map<String, Key> keys();

    /** Bearer API keys for the JSON API, each to the account it acts for: {@code privet.auth.api-keys.<key>=<account>}. */
    @WithName("api-keys")
    Map<String, String> apiKeys();

    /**
     * Whether the JSON API takes the account a request names in {@code X-Privet-Account}, unverified. For local use
     * only (the local cluster turns it on); anywhere else a request signs, or sends a bearer API key.
     */
    @WithName("account-header")
    @WithDefault("false")
    boolean accountHeader();

    /** How far a request's signing time may be from the gateway's clock (AWS: 15 minutes). */
    @WithName("clock-skew")
    @WithDefault("PT15M")
    Duration clockSkew();

    /** One configured access key. */
    interface Key {
        String secret();

        /** The 12-digit account the key acts for. */
        String account();

        /** The principal ARN of the key; the account's root ({@code arn:aws:iam::<account>:root}) by default. */
        Optional<String> principal();
    }
}
