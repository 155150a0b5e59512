-- The zones a provider's service is offered in are those of its load balancers' subnets (DescribeVpcEndpointServices):
-- service-catalog keeps each service's load balancers, network-view each load balancer's subnets. Rows written before
-- this have none, so their services show no zones until both views are rebuilt from the topics.
alter table catalog_services add column network_load_balancer_arns text[] not null default '{}';
create table network_load_balancers (
    load_balancer_arn text   primary key,
    subnet_ids        text[] not null
);
