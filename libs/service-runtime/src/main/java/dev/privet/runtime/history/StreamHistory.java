package dev.privet.runtime.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.TagsChanged;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.PrincipalArn;
import dev.privet.eventstore.EventStore;
import dev.privet.eventstore.Transactions;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A resource's history: every event of its stream and of its tags' stream ({@link TagsChanged#streamOf}), oldest
 * first, read from the event store, which keeps them for good. This is the audit trail AWS keeps elsewhere
 * (CloudTrail); the resource's owner checks access before asking.
 *
 * <p>Some changes were caused by another account: a consumer's endpoint asking to connect, a provider accepting it.
 * The owner sees that account, not who in it acted, nor the request that started the chain there, nor the fields
 * its service names as that account's own (a consumer's VPC and subnets, say): what AWS shows a provider of its
 * consumers, and the other way round.
 */
@ApplicationScoped
public class StreamHistory {
    private static final EventCodec CODEC = new EventCodec();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transactions transactions;
    private final EventStore store;

    StreamHistory(Transactions transactions, EventStore store) {
        this.transactions = transactions;
        this.store = store;
    }

    /**
     * The history of {@code resourceId} as {@code viewer} sees it, empty when it has none; {@code othersFields} are
     * left out of the events another account caused.
     */
    public List<HistoryEntry> of(String resourceId, AccountId viewer, Set<String> othersFields) {
        List<EventEnvelope> events = transactions.inTransaction(c -> merged(store.load(c, resourceId),
                store.load(c, TagsChanged.streamOf(resourceId))));
        return events.stream().map(e -> entry(e, viewer, othersFields)).toList();
    }

    /** Two streams, each in its own order, merged by time: a clock that went back cannot reorder one stream. */
    private static List<EventEnvelope> merged(List<EventEnvelope> a, List<EventEnvelope> b) {
        List<EventEnvelope> all = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            boolean fromA = j == b.size() || (i < a.size() && !a.get(i).time().isAfter(b.get(j).time()));
            all.add(fromA ? a.get(i++) : b.get(j++));
        }
        return all;
    }

    private static HistoryEntry entry(EventEnvelope e, AccountId viewer, Set<String> othersFields) {
        boolean byRequest = e.metadata().causationId() != null
                && e.metadata().causationId().equals(e.metadata().correlationId());
        String principal = e.metadata().principal();
        boolean own = viewer.value().equals(principal) || PrincipalArn.isOf(viewer.value(), principal);
        JsonNode event = json(e);
        if (own) {
            return new HistoryEntry(e.time().toString(), e.streamId(), e.version(), e.type(), principal,
                    byRequest ? "request" : "event", e.metadata().causationId(), e.metadata().correlationId(), event);
        }
        if (event instanceof ObjectNode fields) {
            fields.remove(othersFields);
        }
        String account = PrincipalArn.isValid(principal) ? new PrincipalArn(principal).account().orElse(null)
                : principal;
        return new HistoryEntry(e.time().toString(), e.streamId(), e.version(), e.type(), account,
                byRequest ? "request" : "event", e.metadata().causationId(), null, event);
    }

    private static JsonNode json(EventEnvelope e) {
        try {
            return JSON.readTree(CODEC.encode(e.event()));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("the store's own encoding of " + e.type() + " does not parse", unreadable);
        }
    }
}
