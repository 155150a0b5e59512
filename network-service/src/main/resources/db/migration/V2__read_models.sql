-- network-service read models, fed by the projection "network-view" from privet.network.events.
create table vpcs (
    vpc_id     text primary key,
    owner_id   text   not null,
    cidr_block text   not null,
    region     text   not null,
    version    bigint not null
);

create table subnets (
    subnet_id           text primary key,
    vpc_id              text   not null,
    owner_id            text   not null,
    cidr_block          text   not null,
    availability_zone   text   not null,
    available_addresses bigint not null,
    version             bigint not null
);

create table load_balancers (
    load_balancer_arn text primary key,
    name              text   not null,
    owner_id          text   not null,
    type              text   not null,
    vpc_id            text   not null,
    subnet_ids        jsonb  not null,
    listeners         jsonb  not null,
    targets           jsonb  not null,
    version           bigint not null
);
create index load_balancers_owner on load_balancers (owner_id);

create table network_interfaces (
    network_interface_id text primary key,
    subnet_id            text not null,
    vpc_endpoint_id      text not null,
    private_ip_address   text not null
);
create index network_interfaces_endpoint on network_interfaces (vpc_endpoint_id);
