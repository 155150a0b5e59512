package dev.privet.testkit;

/** Where a test resource ({@link KafkaBroker} or {@link Postgres}) actually runs. */
public enum Backend {
    /** A server given from outside through environment variables; never started or stopped here. */
    EXTERNAL,
    /** A Testcontainers container, used when a Docker engine answers. */
    CONTAINER,
    /** A server started by this JVM: an in-JVM KRaft broker, or an embedded PostgreSQL process. */
    EMBEDDED
}
