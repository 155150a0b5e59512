-- A VPC's DNS attributes (NetworkView, inline): VPCs made before they were kept have AWS's defaults.
alter table vpcs
    add column attributes jsonb not null
        default '{"enableDnsSupport":true,"enableDnsHostnames":false,"enableNetworkAddressUsageMetrics":false}';
