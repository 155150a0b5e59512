-- The tags of the providers' services, as provider-service's EndpointServiceTagsChanged gives them (each event holds
-- a service's whole set); shown to the service's owner only, as AWS shows them.
CREATE TABLE catalog_service_tags (
    service_id text PRIMARY KEY,
    tags       jsonb NOT NULL
);
