-- A load balancer's attributes (NetworkView, inline): load balancers made before they were kept have the defaults.
alter table load_balancers
    add column attributes jsonb not null
        default '{"deletionProtection":false,"crossZone":false,"clientRoutingPolicy":"any_availability_zone","zonalShift":false}';
