-- A load balancer's scheme (NetworkView, inline). Those made before it was kept were shown as internal.
alter table load_balancers add column scheme text not null default 'internal';
