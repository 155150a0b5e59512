-- Read models of dns-service, fed by the projection "dns-records" from privet.dns.events and rebuildable from it.

-- One row per endpoint whose DNS stream exists; version = the stream version last applied.
create table endpoint_dns (
    vpc_endpoint_id text   primary key,
    service_id      text,
    state           text   not null check (state in ('published', 'removed')),
    dns_entries     jsonb  not null default '[]',
    version         bigint not null
);

-- What the DNS server answers: one row per value of a record set. Names are lower case, without the final dot.
create table dns_records (
    name            text   not null,
    type            text   not null default 'A',
    value           text   not null,
    vpc_endpoint_id text   not null,
    version         bigint not null,
    primary key (name, type, value)
);
create index dns_records_endpoint on dns_records (vpc_endpoint_id);
