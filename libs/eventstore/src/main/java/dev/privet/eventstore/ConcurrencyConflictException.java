package dev.privet.eventstore;

/**
 * An append expected a stream at one version and found it at another: someone else appended first. Nothing of the
 * losing append was stored; the caller reloads the stream and decides again, or reports the conflict.
 */
public class ConcurrencyConflictException extends RuntimeException {
    private final String streamId;
    private final long expectedVersion;

    public ConcurrencyConflictException(String streamId, long expectedVersion) {
        super("stream " + streamId + " is no longer at version " + expectedVersion);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
    }

    public String streamId() {
        return streamId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
