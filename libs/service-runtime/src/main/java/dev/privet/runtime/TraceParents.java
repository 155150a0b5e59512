package dev.privet.runtime;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;

import java.util.List;

/**
 * The W3C {@code traceparent} an event carries from the span it was appended in to the spans that apply it: the
 * relay publishes it later, on a thread of its own, so it travels as text with the event rather than as a context.
 */
final class TraceParents {
    private static final String HEADER = "traceparent";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapSetter<String[]> INTO = (carrier, key, value) -> {
        if (HEADER.equals(key)) {
            carrier[0] = value;
        }
    };
    private static final TextMapGetter<String> FROM = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceParent) {
            return List.of(HEADER);
        }

        @Override
        public String get(String traceParent, String key) {
            return HEADER.equals(key) ? traceParent : null;
        }
    };

    private TraceParents() {
    }

    /** The current span's {@code traceparent}; null outside a valid span (no trace, or tracing disabled). */
    static String current() {
        String[] traceParent = new String[1];
        W3C.inject(Context.current(), traceParent, INTO);
        return traceParent[0];
    }

    /** The context to continue: that of {@code traceParent}, or the root (a new trace) when it is null or invalid. */
    static Context continuing(String traceParent) {
        return traceParent == null ? Context.root() : W3C.extract(Context.root(), traceParent, FROM);
    }
}
