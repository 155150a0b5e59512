#!/usr/bin/env bash
# Run once by the postgres image, on an empty data volume (docker-compose.yml mounts this folder on
# /docker-entrypoint-initdb.d): one database per Privet service, owned by a user of the same name with its own
# password, and closed to every other user, so no service can reach another's events.
set -euo pipefail

service_database() { # <name> <password>
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v name="$1" -v password="$2" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
}

service_database network "${PRIVET_NETWORK_DB_PASSWORD:?}"
service_database provider "${PRIVET_PROVIDER_DB_PASSWORD:?}"
service_database consumer "${PRIVET_CONSUMER_DB_PASSWORD:?}"
service_database dns "${PRIVET_DNS_DB_PASSWORD:?}"
