-- Whether a rejected endpoint's names and interfaces are gone (VpcEndpointsView, inline). Endpoints rejected before
-- rejections took anything down never had that happen: false, as a rebuild from their events gives.
alter table vpc_endpoints add column released boolean not null default false;
