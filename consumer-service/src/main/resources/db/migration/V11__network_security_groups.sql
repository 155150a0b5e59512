-- The security groups of network-service that an Interface endpoint may name, and each VPC's default one.
CREATE TABLE network_security_groups (
    group_id   text PRIMARY KEY,
    vpc_id     text    NOT NULL,
    owner_id   text    NOT NULL,
    is_default boolean NOT NULL
);

CREATE INDEX network_security_groups_default ON network_security_groups (vpc_id) WHERE is_default;
