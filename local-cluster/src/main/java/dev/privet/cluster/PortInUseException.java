package dev.privet.cluster;

/** A port the cluster wants is already taken by another process; nothing was started. */
public class PortInUseException extends ClusterStartException {

    private final transient PortClaim claim;

    public PortInUseException(PortClaim claim) {
        super("port " + claim.port() + " is already in use, and " + claim.purpose() + " needs it: stop what holds it"
                + " (`ss -ltnup 'sport = :" + claim.port() + "'` shows it) or choose another port with "
                + claim.environmentVariable() + "=<port>");
        this.claim = claim;
    }

    /** The taken port and what wanted it. */
    public PortClaim claim() {
        return claim;
    }
}
