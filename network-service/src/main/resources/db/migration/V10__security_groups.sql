-- Security groups with their rules (NetworkView, inline): inbound and outbound rules in one jsonb list, each rule
-- with its id and direction. A group's name is unique in its VPC; the event store, not this table, decides that.
create table security_groups (
    group_id    text    primary key,
    group_name  text    not null,
    description text    not null,
    vpc_id      text    not null,
    owner_id    text    not null,
    is_default  boolean not null,
    rules       jsonb   not null
);
create index security_groups_owner on security_groups (owner_id);
