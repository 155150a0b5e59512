-- When each endpoint first asked its service to connect (EndpointServicesProjection, inline): the time of the first
-- connection event of that endpoint in the service's stream, as a rebuild from the event store gives it.
alter table endpoint_connections add column created_at timestamptz;
update endpoint_connections c set created_at = (
    select min(e.occurred_at) from events e
    where e.stream_id = c.service_id
      and e.payload ->> 'vpcEndpointId' = c.vpc_endpoint_id
      and e.event_type in ('EndpointConnectionRequested', 'EndpointConnectionAccepted', 'EndpointConnectionRejected'));
alter table endpoint_connections alter column created_at set not null;
