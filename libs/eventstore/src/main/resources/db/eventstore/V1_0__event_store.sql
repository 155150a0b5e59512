-- The event store: one append-only table of every event of every stream of this service.
-- It is also the outbox: appends are serialised (EventStore.append), so global_position is commit order, and the
-- relay reads it in that order (see OutboxRelay).
create table events (
    global_position bigint generated always as identity primary key,
    event_id        uuid        not null unique,
    stream_id       text        not null,
    stream_type     text        not null,
    version         bigint      not null check (version > 0),
    event_type      text        not null,
    schema_version  int         not null,
    payload         jsonb       not null,
    occurred_at     timestamptz not null,
    correlation_id  uuid,
    causation_id    uuid,
    principal       text,
    constraint events_stream_version unique (stream_id, version)
);

-- Events are never updated or deleted.
create function events_are_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'events are append-only';
end $$;
create trigger events_append_only before update or delete on events
    for each statement execute function events_are_append_only();

-- How far each relay has published: the position of the last event Kafka acknowledged.
create table outbox_relay (
    relay_name    text   primary key,
    last_position bigint not null
);

-- What each idempotent consumer has applied; written in the same transaction as the consumer's effect.
create table applied_events (
    consumer_name text not null,
    event_id      uuid not null,
    primary key (consumer_name, event_id)
);
