-- Target groups and the targets registered in them (NetworkView, inline). Listeners stay in load_balancers.listeners,
-- each now naming the target group it forwards to, if any.
create table target_groups (
    target_group_arn text primary key,
    name             text  not null,
    owner_id         text  not null,
    protocol         text  not null,
    port             int   not null,
    vpc_id           text  not null,
    target_type      text  not null,
    health_check     jsonb not null,
    targets          jsonb not null,
    unique (owner_id, name)
);
