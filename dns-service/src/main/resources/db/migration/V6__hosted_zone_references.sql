-- The caller reference of every hosted zone ever created, deleted ones included (HostedZonesProjection, inline): a
-- reference stays taken after its zone is deleted, as in Route 53. It replaces a scan of the events table at every
-- create; the rows of the zones created before it are taken from there once.
create table hosted_zone_references (
    hosted_zone_id   text primary key,
    account          text not null,
    caller_reference text not null,
    unique (account, caller_reference)
);
insert into hosted_zone_references (hosted_zone_id, account, caller_reference)
select stream_id, payload->>'account', payload->>'callerReference' from events where event_type = 'HostedZoneCreated';
