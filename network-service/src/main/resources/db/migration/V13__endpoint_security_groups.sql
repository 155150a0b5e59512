-- Each Interface endpoint's security groups, as network-service last applied them (NetworkView, inline, from
-- EndpointSecurityGroupsApplied; gone with EndpointNetworkReleased): an interface shows its endpoint's groups.
-- Filled here from the events already stored, as a rebuild would fill it.
create table endpoint_security_groups (
    vpc_endpoint_id    text  primary key,
    security_group_ids jsonb not null
);
insert into endpoint_security_groups (vpc_endpoint_id, security_group_ids)
select e.stream_id, e.payload->'securityGroupIds'
  from events e
 where e.event_type = 'EndpointSecurityGroupsApplied'
   and not exists (select 1 from events l where l.stream_id = e.stream_id and l.version > e.version
                      and l.event_type in ('EndpointSecurityGroupsApplied', 'EndpointNetworkReleased'));
