-- The tags of the service's resources (ResourceTagRow, inline): one row per tagged resource, its whole set as jsonb.
create table resource_tags (
    resource_id text  primary key,
    owner_id    text  not null,
    tags        jsonb not null
);
create index resource_tags_by_owner on resource_tags (owner_id);
