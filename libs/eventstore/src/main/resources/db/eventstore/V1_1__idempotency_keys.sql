-- Idempotent creates: the resource a client's Idempotency-Key (EC2: ClientToken) created, and a fingerprint of the
-- request that created it. Written in the transaction that appends the resource's first events, so a key exists
-- exactly when its resource does; kept as long as the resource's events are (AWS keeps a ClientToken's answer too).
create table idempotency_keys (
    account_id          text        not null,
    idempotency_key     text        not null,
    request_fingerprint text        not null,
    resource_id         text        not null,
    created_at          timestamptz not null default now(),
    primary key (account_id, idempotency_key)
);
