package dev.privet.consumer.domain;

/** What a modify request does to an endpoint's policy: nothing, a new document, or back to the default. */
public sealed interface PolicyChange {
    record Keep() implements PolicyChange {
    }

    /** A document already checked to be a JSON object within AWS's length. */
    record Replace(String document) implements PolicyChange {
    }

    record Reset() implements PolicyChange {
    }
}
