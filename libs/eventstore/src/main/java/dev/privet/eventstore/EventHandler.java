package dev.privet.eventstore;

import dev.privet.contracts.events.EventEnvelope;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Applies one event: updates a read model, or decides and appends a reaction. It runs inside the transaction that
 * also records the event as applied, so its effect and that marker commit together.
 */
@FunctionalInterface
public interface EventHandler {
    void handle(Connection connection, EventEnvelope event) throws SQLException;
}
