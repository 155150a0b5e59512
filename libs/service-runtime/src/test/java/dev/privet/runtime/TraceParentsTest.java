package dev.privet.runtime;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The traceparent an event is appended with is the one its handlers continue. */
class TraceParentsTest {
    private static final SpanContext APPENDING = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736",
            "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());

    @Test
    void the_current_span_is_written_as_a_w3c_traceparent_and_read_back_as_the_same_span() {
        String traceParent;
        try (Scope ignored = Context.root().with(Span.wrap(APPENDING)).makeCurrent()) {
            traceParent = TraceParents.current();
        }

        assertThat(traceParent).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        SpanContext continued = Span.fromContext(TraceParents.continuing(traceParent)).getSpanContext();
        assertThat(continued.getTraceId()).isEqualTo(APPENDING.getTraceId());
        assertThat(continued.getSpanId()).isEqualTo(APPENDING.getSpanId());
        assertThat(continued.isSampled()).isTrue();
        assertThat(continued.isRemote()).isTrue();
    }

    @Test
    void without_a_span_there_is_no_traceparent_and_nothing_to_continue() {
        assertThat(TraceParents.current()).isNull();
        assertThat(Span.fromContext(TraceParents.continuing(null)).getSpanContext().isValid()).isFalse();
        assertThat(Span.fromContext(TraceParents.continuing("not-a-traceparent")).getSpanContext().isValid())
                .isFalse();
    }
}
