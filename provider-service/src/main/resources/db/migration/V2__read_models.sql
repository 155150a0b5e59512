-- Read models of the "endpoint-services" projection, fed from privet.provider.events.
-- version = the stream version last applied (read-your-writes waits for it).
create table endpoint_services (
    service_id                  text    primary key,
    service_name                text    not null,
    owner_id                    text    not null,
    service_state               text    not null,
    failure_reason              text,
    acceptance_required         boolean not null,
    network_load_balancer_arns  text[]  not null,
    version                     bigint  not null
);
create index endpoint_services_owner on endpoint_services (owner_id, service_id);

create table allowed_principals (
    service_id text not null,
    principal  text not null,
    primary key (service_id, principal)
);

create table endpoint_connections (
    service_id         text   not null,
    vpc_endpoint_id    text   not null,
    vpc_endpoint_owner text   not null,
    vpc_endpoint_state text   not null,
    primary key (service_id, vpc_endpoint_id)
);
