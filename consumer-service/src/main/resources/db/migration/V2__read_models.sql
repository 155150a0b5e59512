-- service-catalog: the endpoint services of provider-service, as consumers may find them.
create table catalog_services (
    service_id          text primary key,
    service_name        text    not null unique,
    owner_id            text    not null,
    service_state       text    not null,
    acceptance_required boolean not null
);
create table catalog_allowed_principals (
    service_id text not null,
    principal  text not null,
    primary key (service_id, principal)
);

-- network-view: the VPCs and subnets of network-service, to check what an endpoint names.
create table network_vpcs (
    vpc_id   text primary key,
    owner_id text not null
);
create table network_subnets (
    subnet_id         text primary key,
    vpc_id            text not null,
    owner_id          text not null,
    availability_zone text not null,
    cidr_block        text not null
);

-- vpc-endpoints: this service's own endpoints, for reads; version = the stream version last applied.
create table vpc_endpoints (
    vpc_endpoint_id       text primary key,
    owner_id              text        not null,
    vpc_endpoint_type     text        not null,
    service_id            text        not null,
    service_name          text        not null,
    vpc_id                text        not null,
    subnet_ids            text[]      not null,
    state                 text        not null,
    network_interface_ids text[]      not null,
    dns_names             text[]      not null,
    dns_hosted_zone_ids   text[]      not null,
    failure_reason        text,
    created_at            timestamptz not null,
    version               bigint      not null
);
create index vpc_endpoints_owner on vpc_endpoints (owner_id, created_at);
