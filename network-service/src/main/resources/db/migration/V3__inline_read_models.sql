-- The read models are now written in the transaction that appends their events (NetworkView, an inline
-- projection), so reads no longer wait for a projected version: the columns that tracked it go.
alter table vpcs drop column version;
alter table subnets drop column version;
alter table load_balancers drop column version;
