-- A Gateway endpoint's route tables, and the route tables of network-service that an endpoint request may name.
ALTER TABLE vpc_endpoints
    ADD COLUMN route_table_ids text[] NOT NULL DEFAULT '{}';

CREATE TABLE network_route_tables (
    route_table_id text PRIMARY KEY,
    vpc_id         text NOT NULL,
    owner_id       text NOT NULL
);
