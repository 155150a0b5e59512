package dev.privet.cluster;

/**
 * The local cluster could not start. The message says which part failed and why, in one line,
 * followed where useful by the path of that part's log and its last lines.
 */
public class ClusterStartException extends RuntimeException {

    public ClusterStartException(String message) {
        super(message);
    }

    public ClusterStartException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first line of the message: what failed, without the log tail. */
    public String headline() {
        String message = getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
