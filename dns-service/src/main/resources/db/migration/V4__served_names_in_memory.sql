-- What the DNS server answers is now kept in memory (ServedNames), built from the event store at start and following
-- it, so the records table and its index go. endpoint_dns stays: it is the read model "endpoint-dns".
drop table dns_records;
