-- Idempotent consumers with bounded bookkeeping (see AppliedEvents and docs/architecture.md, "Idempotent consumers").
--
-- Where each Kafka-fed consumer is, per partition: the offset after the last record it applied (or recognised as a
-- duplicate), written in the transaction that applies the record. A record below it was applied before: a
-- redelivery (a crash between the database commit and the offset commit, a rebalance, offsets moved back or
-- expired) changes nothing, however old. One row per consumer and partition.
create table consumer_positions (
    consumer_name text   not null,
    topic         text   not null,
    partition_id  int    not null,
    next_offset   bigint not null,
    primary key (consumer_name, topic, partition_id)
);

-- The event-id markers remain for the one case offsets cannot tell: the same event published again at a new offset
-- (a relay that crashed between the send and the save of its position). They now say where the event was read, so
-- markers far behind their partition's position, and old, can be pruned. Markers written before this migration
-- have no offset: they are kept (no new ones are written) until the consumer is rebuilt.
alter table applied_events
    add column topic         text,
    add column partition_id  int,
    add column record_offset bigint,
    add column applied_at    timestamptz not null default now();

create index applied_events_by_offset on applied_events (consumer_name, topic, partition_id, record_offset);
