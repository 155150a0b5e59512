-- When an endpoint was deleted (VpcEndpointDeleted's time), so reads can stop showing it after a while. Rows of
-- endpoints deleted before this column take the time from their event, as a rebuild does.
alter table vpc_endpoints add column deleted_at timestamptz;
update vpc_endpoints v set deleted_at = e.occurred_at
from events e
where e.stream_id = v.vpc_endpoint_id and e.event_type = 'VpcEndpointDeleted';
