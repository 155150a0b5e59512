package dev.privet.runtime.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/**
 * One change of a resource, as its owner reads it: when it was recorded, in which stream and at which version, who
 * it acted for, what caused it, and the event as the store holds it.
 *
 * @param principal     the principal the request acted for: an IAM ARN, or an account id where the request named
 *                      only its account; a reaction carries the principal of the request that started the chain.
 *                      Only the account, where that is another account than the reader's
 * @param cause         {@code request} when a request of the principal made the change directly, {@code event} when
 *                      it was a service's reaction to the event {@code causationId}
 * @param causationId   the request's id, or the id of the event reacted to
 * @param correlationId the id of the request that started the chain, the same across every service it reached;
 *                      null where another account started it
 */
public record HistoryEntry(String time, String streamId, long version, String eventType, String principal,
                           String cause, UUID causationId, UUID correlationId, JsonNode event) {
}
