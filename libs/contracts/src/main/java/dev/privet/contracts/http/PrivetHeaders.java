package dev.privet.contracts.http;

/** The HTTP headers between the gateway and the services, named once for both sides. */
public final class PrivetHeaders {
    /** The account a request acts for, as the gateway established it. */
    public static final String ACCOUNT = "X-Privet-Account";
    /**
     * The IAM principal a request acts as ({@code arn:aws:iam::<account>:user/...}), of the account in
     * {@link #ACCOUNT}; without it, the account's root.
     */
    public static final String PRINCIPAL = "X-Privet-Principal";
    /** The installation's shared secret, proof that a request came through the gateway. */
    public static final String GATEWAY_SECRET = "X-Privet-Gateway-Secret";
    /** The key that makes a retried create return what the first one made. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private PrivetHeaders() {
    }
}
