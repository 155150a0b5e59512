-- Route tables (NetworkView, inline): each with its routes, the local one first, and the associations of its subnets,
-- as jsonb lists (as load_balancers keeps its listeners). A main table's own association is not stored: its id is
-- derived from the table's.
create table route_tables (
    route_table_id text primary key,
    vpc_id         text    not null,
    owner_id       text    not null,
    main           boolean not null,
    routes         jsonb   not null,
    associations   jsonb   not null
);
create index route_tables_owner on route_tables (owner_id);
