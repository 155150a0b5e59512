-- The W3C traceparent of the span an event was appended in (null when it was not traced): the relay sends it as the
-- record's traceparent header, later and on its own thread, so that the services applying the event continue the
-- trace of the request that caused it.
alter table events add column trace_parent text;
