-- CountingView: how many events of each stream the subscription applied, and the last version seen.
create table counted_events (
    stream_id    text   primary key,
    applied      bigint not null,
    last_version bigint not null
);
