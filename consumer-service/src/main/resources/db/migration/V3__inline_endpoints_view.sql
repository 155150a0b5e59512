-- vpc-endpoints is now written inline, in the transaction that appends the endpoint's events: it can no longer lag
-- the store, so the stream version it kept (to wait for it, and to skip redeliveries) has no use any more.
alter table vpc_endpoints drop column version;
