package dev.privet.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The PostgreSQL advisory locks Privet takes, in their own namespace: the two-key form, whose first key is
 * {@link #NAMESPACE}, so they cannot collide with one-key locks taken by anyone else on the same database, and a
 * scope chosen by a caller (a VPC id, an account) can never hash onto the append lock or a relay's lock, which live
 * in spaces of their own. Transaction locks wait at most {@code lock_timeout} (set here per transaction); a wait that runs out
 * fails the transaction with SQLState {@value #LOCK_NOT_AVAILABLE}, a retryable error.
 */
public final class AdvisoryLocks {
    /** "PRVT": the first key of every Privet lock. */
    static final int NAMESPACE = 0x50525654;
    private static final int APPENDS = 1;
    /** Relay locks and scope locks take their second key from a hash of a name, each kind in a space of its own. */
    private static final int RELAY_NAMESPACE = 0x50525655;
    private static final int SCOPE_NAMESPACE = 0x50525656;
    private static final int SUBSCRIPTION_NAMESPACE = 0x50525657;
    public static final String LOCK_NOT_AVAILABLE = "55P03";

    private final String lockTimeout;

    /** @param lockTimeoutMillis how long a transaction waits for a lock before it fails */
    public AdvisoryLocks(long lockTimeoutMillis) {
        this.lockTimeout = lockTimeoutMillis + "ms";
    }

    /** Serialises the appends of this service until the transaction ends (see {@link EventStore}). */
    void lockAppends(Connection c) throws SQLException {
        boundWait(c);
        try (PreparedStatement st = c.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
            st.setInt(1, NAMESPACE);
            st.setInt(2, APPENDS);
            st.execute();
        }
    }

    /**
     * Serialises, until the transaction ends, the transactions that check a rule spanning streams within one scope
     * (subnet blocks of a VPC; load balancer names of an account).
     */
    public void lockScope(Connection c, String scope) throws SQLException {
        lockNamed(c, "pg_advisory_xact_lock", SCOPE_NAMESPACE, scope);
    }

    /**
     * Shares, until the transaction ends, the lock of a subscription: every poll it applies takes it, so none
     * commits while a rebuild ({@link #lockSubscription}) replays.
     */
    void lockSubscriptionShared(Connection c, String subscription) throws SQLException {
        lockNamed(c, "pg_advisory_xact_lock_shared", SUBSCRIPTION_NAMESPACE, subscription);
    }

    /** Holds, until the transaction ends, a subscription's lock alone: a rebuild replays under it. */
    void lockSubscription(Connection c, String subscription) throws SQLException {
        lockNamed(c, "pg_advisory_xact_lock", SUBSCRIPTION_NAMESPACE, subscription);
    }

    /** Takes the session lock of the one active relay, if free; the caller keeps the connection while it holds it. */
    static boolean tryLockRelay(Connection c, String relay) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
            st.setInt(1, RELAY_NAMESPACE);
            st.setString(2, relay);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Releases the relay lock explicitly: a pooled connection's session outlives {@code close()}. */
    static void unlockRelay(Connection c, String relay) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_advisory_unlock(?, hashtext(?))")) {
            st.setInt(1, RELAY_NAMESPACE);
            st.setString(2, relay);
            st.execute();
        }
    }

    /** Takes a transaction lock keyed by a name in one space, waiting at most the lock timeout. */
    private void lockNamed(Connection c, String lockFunction, int space, String name) throws SQLException {
        boundWait(c);
        try (PreparedStatement st = c.prepareStatement("select " + lockFunction + "(?, hashtext(?))")) {
            st.setInt(1, space);
            st.setString(2, name);
            st.execute();
        }
    }

    private void boundWait(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select set_config('lock_timeout', ?, true)")) {
            st.setString(1, lockTimeout);
            st.execute();
        }
    }
}
