-- The endpoint-services read model is now an inline projection, written in the transaction that appends the events
-- (EndpointServicesProjection): reads no longer wait for a version, and no Kafka subscription feeds it.
alter table endpoint_services drop column version;
-- The markers of the subscription that used to feed it; nothing reads them any more.
delete from applied_events where consumer_name = 'privet.provider.endpoint-services';
