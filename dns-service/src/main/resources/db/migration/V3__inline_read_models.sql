-- The read model "dns-records" is now written inline, in the transaction that appends the dns events, and rebuilt
-- from the event store in position order: the per-row stream versions that made a Kafka-fed projection idempotent
-- are no longer needed.
alter table endpoint_dns drop column version;
alter table dns_records drop column version;

-- The markers of the former Kafka subscription of the same name (consumer group privet.dns.dns-records).
delete from applied_events where consumer_name = 'privet.dns.dns-records';
