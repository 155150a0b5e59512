-- Each endpoint interface's data plane address (NetworkView, inline; none for interfaces made before the data plane).
-- The unique index is what makes an address never held twice: of two transactions that chose the same one at
-- once, the second to commit fails and is applied again with another choice.
alter table network_interfaces add column data_plane_address text;
create unique index network_interfaces_data_plane_address on network_interfaces (data_plane_address);
