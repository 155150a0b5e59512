-- A target group's attributes (NetworkView, inline): groups made before they were kept have the defaults.
alter table target_groups
    add column attributes jsonb not null default '{"deregistrationDelaySeconds":300,"proxyProtocolV2":false}';
