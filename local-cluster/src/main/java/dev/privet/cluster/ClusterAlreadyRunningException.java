package dev.privet.cluster;

/** Another process already runs a cluster on the same data directory. */
public class ClusterAlreadyRunningException extends ClusterStartException {

    private final long pid;

    public ClusterAlreadyRunningException(long pid, java.nio.file.Path dataDirectory) {
        super("a Privet cluster already runs on " + dataDirectory + " (pid " + pid + ")");
        this.pid = pid;
    }

    /** The process that runs it. */
    public long pid() {
        return pid;
    }
}
