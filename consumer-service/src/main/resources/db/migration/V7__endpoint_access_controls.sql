-- An endpoint's security groups and policy (null: the default policy, full access), as its events set them.
ALTER TABLE vpc_endpoints
    ADD COLUMN security_group_ids text[] NOT NULL DEFAULT '{}',
    ADD COLUMN policy_document text;
