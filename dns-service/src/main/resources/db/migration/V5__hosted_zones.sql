-- The read model "hosted-zones", written inline with the hosted-zone events and rebuildable from the store.

-- One row per hosted zone that is not deleted. Names are lower case, with the final dot.
create table hosted_zones (
    hosted_zone_id   text    primary key,
    account          text    not null,
    name             text    not null unique,
    caller_reference text    not null,
    comment          text,
    record_set_count integer not null
);
create index hosted_zones_account on hosted_zones (account, name);

-- One row per record set of a zone, its SOA and NS included. sort_name is the name with its labels reversed
-- (com.example.www), compared byte by byte: Route 53's listing order.
create table hosted_zone_record_sets (
    id             text    primary key,
    hosted_zone_id text    not null,
    name           text    not null,
    type           text    not null,
    sort_name      text    collate "C" not null,
    ttl            bigint  not null,
    record_values  jsonb   not null,
    unique (hosted_zone_id, sort_name, type)
);
