package dev.privet.runtime;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.eventstore.EventHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A subscription's handler, timed ({@value #TIMER}, by subscription and event type) and traced: each event is
 * handled in a span that continues the trace the event was appended in, so what the handler appends (a reaction)
 * carries that trace on to the next service.
 */
final class ObservedHandler implements EventHandler {
    static final String TIMER = "privet.event.handling";

    private final String subscription;
    private final EventHandler handler;
    private final MeterRegistry registry;
    private final Tracer tracer;
    /** One timer per event type, made on first use: no registry lookup per event. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    ObservedHandler(String subscription, EventHandler handler, MeterRegistry registry, Tracer tracer) {
        this.subscription = subscription;
        this.handler = handler;
        this.registry = registry;
        this.tracer = tracer;
    }

    @Override
    public void handle(Connection connection, EventEnvelope event) throws SQLException {
        Timer timer = timers.computeIfAbsent(event.type(), type -> Timer.builder(TIMER)
                .description("How long a subscription takes to apply one event, in its transaction")
                .tag("subscription", subscription).tag("event_type", type).register(registry));
        Span span = tracer.spanBuilder(subscription + " " + event.type()).setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceParents.continuing(event.metadata().traceParent()))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.consumer.group.name", subscription)
                .setAttribute("messaging.message.id", event.eventId().toString())
                .startSpan();
        long start = System.nanoTime();
        try (Scope ignored = span.makeCurrent()) {
            handler.handle(connection, event);
        } catch (SQLException | RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
